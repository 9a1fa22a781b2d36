#!/bin/bash
# Makes secrets/*.env from the committed *.env.example files, replacing every CHANGE-ME value with a fresh
# random one. Never overwrites an existing file. The results are git-ignored: never commit them.
set -euo pipefail
cd "$(dirname "$0")/secrets"
for example in *.env.example; do
  target="${example%.example}"
  if [[ -e "$target" ]]; then echo "keep $target"; continue; fi
  while IFS= read -r line; do
    case "$line" in
      IDENTITY_KEY=CHANGE-ME*) echo "IDENTITY_KEY=$(openssl rand -base64 32)" ;;
      *=CHANGE-ME*) echo "${line%%=*}=$(openssl rand -hex 32)" ;;
      *) echo "$line" ;;
    esac
  done < "$example" > "$target"
  chmod 600 "$target"
  echo "made $target"
done

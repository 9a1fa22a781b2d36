#!/bin/bash
# Makes secrets/*.env from the committed *.env.example files, replacing every CHANGE-ME value with a fresh
# random one; the same placeholder twice in one file gets the same value (two sides of one password). Never
# overwrites an existing file. The results are git-ignored: never commit them.
# Usage: init-secrets.sh [folder with *.env.example files]   (default: ./secrets beside this script)
set -euo pipefail
cd "${1:-$(dirname "$0")/secrets}"
for example in *.env.example; do
  target="${example%.example}"
  if [[ -e "$target" ]]; then echo "keep $target"; continue; fi
  declare -A made=()
  while IFS= read -r line; do
    case "$line" in
      *=CHANGE-ME*)
        name="${line%%=*}" placeholder="${line#*=}"
        if [[ -z "${made[$placeholder]:-}" ]]; then
          # AES keys are 32 random bytes in Base64; every other secret 32 random bytes in hex.
          if [[ "$name" == IDENTITY_KEY || "$name" == GATEWAY_SESSION_KEY ]]; then made[$placeholder]="$(openssl rand -base64 32)";
          else made[$placeholder]="$(openssl rand -hex 32)"; fi
        fi
        echo "$name=${made[$placeholder]}" ;;
      *) echo "$line" ;;
    esac
  done < "$example" > "$target"
  unset made
  chmod 600 "$target"
  echo "made $target"
done

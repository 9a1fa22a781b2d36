#!/usr/bin/env bash
# Starts nginx (Debian package) as a reverse proxy on NGINX_PORT in front of complaints-service on UPSTREAM_PORT,
# with a keep-alive upstream pool, as a user might deploy it instead of the gateway. Config and pid live in
# $BENCH_DIR/nginx. Stop it with: nginx -c "$BENCH_DIR/nginx/nginx.conf" -s quit
set -euo pipefail
NGINX_PORT=${NGINX_PORT:-18090}
UPSTREAM_PORT=${UPSTREAM_PORT:-18081}
BENCH_DIR=${BENCH_DIR:-/tmp/integrity-bench}
command -v nginx >/dev/null || command -v /usr/sbin/nginx >/dev/null || apt-get install -y -q nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
dir="$BENCH_DIR/nginx"
mkdir -p "$dir"
cat > "$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
daemon on;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    upstream complaints {
        server 127.0.0.1:$UPSTREAM_PORT;
        keepalive 128;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        keepalive_requests 100000;
        location / {
            proxy_pass http://complaints;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
CONF
"$NGINX" -t -q -c "$dir/nginx.conf"
"$NGINX" -c "$dir/nginx.conf"
echo "nginx on http://127.0.0.1:$NGINX_PORT -> complaints-service :$UPSTREAM_PORT (config $dir/nginx.conf)"

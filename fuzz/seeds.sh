#!/usr/bin/env bash
# Rebuilds the committed seed corpora in fuzz/corpus/ from the project's own test inputs.
#
#   fuzz/seeds.sh
#
# - cost-line: every line of examples/*.jsonl, one file per line, without its newline (the
#   decoder never sees the newline), named EXAMPLE-LINE.
# - yaml: the documents of Tests/ConfigYAMLTests/Corpus/valid, as they are.
# - http-request: the request heads below, one per file: the shapes Prometheus, curl and
#   browsers send, and the edge cases the parser's tests name.
# Run it after the examples or the YAML corpus change, and commit the result.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
rm -rf "$corpus"
mkdir -p "$corpus/cost-line" "$corpus/yaml" "$corpus/http-request"

for example in "$root"/examples/*.jsonl; do
    name=$(basename "$example" .jsonl)
    number=0
    while IFS= read -r line || [[ -n $line ]]; do
        number=$((number + 1))
        printf '%s' "$line" >"$corpus/cost-line/$name-$number.json"
    done <"$example"
done

cp "$root"/Tests/ConfigYAMLTests/Corpus/valid/*.yaml "$corpus/yaml/"

# NAME, then the request with \r\n written out; printf %b turns the escapes into bytes.
http_seeds=(
    prometheus-scrape 'GET /metrics HTTP/1.1\r\nHost: localhost:10042\r\nUser-Agent: Prometheus/3.0.0\r\nAccept: application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1\r\nAccept-Encoding: gzip\r\nX-Prometheus-Scrape-Timeout-Seconds: 10\r\n\r\n'
    curl 'GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:10042\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n'
    http10-keep-alive 'HEAD /-/healthy HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n'
    query-and-absolute-form 'GET http://example.com:80/metrics?name[]=up&x= HTTP/1.1\r\nHost: example.com\r\n\r\n'
    pipelined 'GET /-/ready HTTP/1.1\r\nHost: a\r\n\r\nGET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'
    leading-empty-lines '\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n'
    post-with-body 'POST /metrics HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\nTransfer-Encoding: chunked\r\n\r\nhello'
    accept-wildcards 'GET /metrics HTTP/1.1\r\nHost: a\r\nAccept: text/*;q=0.9, application/*;level=1;q=0.8, */*;q=0\r\nAccept-Encoding: x-gzip;q=1.0, identity;q=0, *;q=0.001\r\n\r\n'
    obs-fold 'GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n  two\r\n\r\n'
    bare-lf 'GET / HTTP/1.1\nHost: a\n\n'
    http2-preface 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'
    incomplete 'GET /metrics HTTP/1.1\r\nHost: a\r\nAccept: text/pl'
)
for ((index = 0; index < ${#http_seeds[@]}; index += 2)); do
    printf '%b' "${http_seeds[index + 1]}" >"$corpus/http-request/${http_seeds[index]}.http"
done
for target in cost-line http-request yaml; do
    echo "$target: $(find "$corpus/$target" -type f | wc -l) seeds"
done

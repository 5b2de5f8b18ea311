#!/usr/bin/env bash
# Fuzzes the readers of untrusted input with libFuzzer and AddressSanitizer (LeakSanitizer on):
# the JSON parser, the signed-note parser, the camt.053 reader and the CSV reader. Builds
# jhf-fuzz into .build-fuzz with clang's fuzzer instrumentation from the Swift toolchain, then
# runs each target for JHF_FUZZ_SECONDS (default 30) from a copy of its seed corpus
# (Tests/Fuzz/corpus). Fails on any crash, leak, timeout (10 s an input) or memory blow-up
# (2 GiB); the input that failed is kept in .build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${JHF_FUZZ_SECONDS:-30}
echo "fuzz: building jhf-fuzz with -sanitize=fuzzer,address (.build-fuzz; about a minute the first time)" >&2
swift build --scratch-path .build-fuzz --product jhf-fuzz --sanitize fuzzer --sanitize address \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DJHF_LIBFUZZER >.build-fuzz.log 2>&1 || { cat .build-fuzz.log >&2; exit 1; }
binary=.build-fuzz/debug/jhf-fuzz
mkdir -p .build-fuzz/artifacts
passed=0
failed=0
for target in json note camt053 csv; do
  work=$(mktemp -d)
  cp Tests/Fuzz/corpus/"$target"/* "$work"/
  log=.build-fuzz/$target.log
  # The Swift runtime's own crash handler would run inside ASan's; libFuzzer reports the crash.
  if SWIFT_BACKTRACE=enable=no JHF_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1 \
     "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     -artifact_prefix=.build-fuzz/artifacts/"$target"- "$work" >"$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $target: $runs inputs in ${seconds} s, no crash, leak or timeout" >&2
    passed=$((passed + 1))
  else
    echo "fuzz: $target FAILED; the end of its log ($log):" >&2
    tail -40 "$log" >&2
    failed=$((failed + 1))
  fi
  rm -rf "$work"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Builds the fuzz targets (clang, ASan+UBSan+libFuzzer) and runs each on its seed
# corpus. By default the run is reproducible: a fixed seed and a fixed number of
# inputs per target (about a minute each here), so CI repeats exactly the run
# that was checked. FUZZ_SECONDS=N explores instead: N seconds per target from a
# random seed. A crash fails the run and leaves its input in build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_request_parsing fuzz_text_analysis fuzz_bank_loading fuzz_audio_decoding
mkdir -p build/fuzz/crashes
declare -A runs=([request_parsing]=500000 [text_analysis]=250000 [bank_loading]=150000 [audio_decoding]=100000)
for target in request_parsing text_analysis bank_loading audio_decoding; do
  if [[ -n "${FUZZ_SECONDS:-}" ]]; then
    budget=(-max_total_time="$FUZZ_SECONDS")
  else
    budget=(-seed=1 -runs="${runs[$target]}" -max_total_time=300)
  fi
  work=$(mktemp -d)
  cp -r "fuzz/corpus/$target/." "$work/"
  echo "fuzz: $target ${budget[*]}"
  set +e
  build/fuzz/fuzz/fuzz_$target "$work" "${budget[@]}" -max_len=65536 -timeout=10 \
    -artifact_prefix="build/fuzz/crashes/$target-" -print_final_stats=1 >"$work.log" 2>&1
  status=$?
  set -e
  grep -E "stat::number_of_executed_units|ERROR|SUMMARY" "$work.log" || true
  rm -rf "$work"
  if [[ $status -ne 0 ]]; then
    tail -40 "$work.log" >&2
    echo "fuzz: $target failed" >&2
    exit 1
  fi
  rm -f "$work.log"
done
echo "fuzz: all targets ran clean"

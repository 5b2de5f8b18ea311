// jhf-bench: benchmarks of the verifier and the append path. Build with -c release.
JHFBench.main()

//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// envPG names the test server the ten-clerk benchmark saves to;
// `.ci/with-postgres` sets it (PG_DURABLE=1 for a server that fsyncs).
const envPG = "MEKTEPKEZHOL_TEST_PG"

// clerksTarget is our target for ten clerks saving at once on loopback.
const clerksTarget = "p95 save ≤ 200 ms, ≥ 100 saves/s"

// clerksFigures runs BenchmarkClerks10 on the server of $MEKTEPKEZHOL_TEST_PG
// and BenchmarkClerks10SQLite on a file, for comparison. Without a server the
// first row says so.
func (b *bench) clerksFigures() error {
	fmt.Fprintln(os.Stderr, "ten clerks saving at once …")
	pattern := "^BenchmarkClerks10SQLite$"
	if os.Getenv(envPG) != "" {
		pattern = "^BenchmarkClerks10(SQLite)?$"
	} else {
		b.add(row{"BenchmarkClerks10", "10 clerks, own connection pools, save mix on PostgreSQL (loopback)", "no server", clerksTarget, "", ""})
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-benchtime", "10s", "./data/")
	cmd.Env = os.Environ() // the server's URL goes through to the benchmark
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	measured := map[string]bool{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "clerks_bench_test.go") {
			fmt.Fprintln(os.Stderr, sc.Text()) // the saves by kind, or why one failed
		}
		if r, ok := parseBenchLine(sc.Text()); ok {
			measured[r.figure] = true
			r.workload = "10 clerks, own connection pools, save mix on PostgreSQL (loopback" + durability() + ")"
			if strings.HasSuffix(r.figure, "SQLite") {
				r.workload = "the same 10 clerks on one SQLite file"
			}
			r.target = clerksTarget
			b.add(r)
		}
	}
	if err := cmd.Wait(); err != nil {
		b.note("ten clerks: go test -bench: %v", err)
	}
	if os.Getenv(envPG) != "" && !measured["BenchmarkClerks10"] {
		b.add(row{"BenchmarkClerks10", "10 clerks, own connection pools, save mix on PostgreSQL (loopback" + durability() + ")",
			"failed (see the log above)", clerksTarget, "", ""})
	}
	return nil
}

func durability() string {
	if os.Getenv("PG_DURABLE") == "1" {
		return ", fsync on"
	}
	return ", fsync off"
}

// withoutServer is the environment minus the test server, so that the other
// Go benchmarks measure the SQLite file their targets were set for.
func withoutServer() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, envPG+"=") {
			env = append(env, kv)
		}
	}
	return env
}

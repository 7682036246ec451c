//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// goTargets are the targets of the Go benchmarks, by name.
var goTargets = map[string]string{
	"BenchmarkInsert100kDistributions": "≤ 2 s",
	"BenchmarkSummary100k":             "≤ 100 ms",
	"BenchmarkLetters1000":             "≤ 333 ms (≥ 3,000/s)",
	"BenchmarkWorkbook100k":            "≤ 5 s, ≤ 300 MB",
	"BenchmarkPDFReport100k":           "≤ 2 s",
	"BenchmarkImport10000":             "≤ 1 s",
	"BenchmarkChildSearch100k":         "≤ 50 ms",
	"BenchmarkDashboard100k":           "≤ 100 ms",
}

// goBenchmarks runs every Go benchmark of the app three times and adds a
// row for each; the ten clerks, who save for a while, run apart
// (clerks.go).
func (b *bench) goBenchmarks() error {
	if err := b.clerksFigures(); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "running the Go benchmarks …")
	// -p 1: one package's benchmarks at a time, or two packages time
	// each other's load on the two cores
	cmd := exec.Command("go", "test", "-p", "1", "-run", "^$", "-bench", ".", "-skip", "Clerks10", "-benchtime", "3x", "-benchmem", "./data/...", "./report/...", "./ui/...", "./cmd/...")
	cmd.Env = withoutServer()
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if r, ok := parseBenchLine(sc.Text()); ok {
			b.add(r)
		}
	}
	if err := cmd.Wait(); err != nil {
		b.note("go test -bench: %v", err)
	}
	return nil
}

// parseBenchLine reads «BenchmarkX-2  3  1424048831 ns/op  70222 rows/s  …».
func parseBenchLine(line string) (row, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
		return row{}, false
	}
	name := f[0]
	if i := strings.LastIndex(name, "-"); i > 0 {
		name = name[:i]
	}
	ns, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return row{}, false
	}
	measured := []string{fmtDuration(time.Duration(ns))}
	for i := 4; i+1 < len(f); i += 2 {
		v, unit := f[i], f[i+1]
		if unit == "B/op" {
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				v, unit = fmt.Sprintf("%.1f", n/(1<<20)), "MB/op"
			}
		}
		measured = append(measured, v+" "+unit)
	}
	return row{figure: name, workload: "go test -bench", measured: strings.Join(measured, ", "), target: goTargets[name]}, true
}

func fmtDuration(d time.Duration) string {
	if d >= time.Second {
		return secs(d)
	}
	return ms(d)
}

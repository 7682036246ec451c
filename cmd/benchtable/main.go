//go:build linux

// Command benchtable runs the Go benchmarks and the end-to-end timings of
// the app on generated data and prints one table, each figure next to its
// target and, where LibreOffice is installed, next to its baseline.
// `make bench` runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	work := flag.String("work", "", "folder for the generated databases and files (default: a temp folder)")
	goBench := flag.Bool("go", true, "run the Go benchmarks too")
	part := flag.String("part", "", "run only these figures: letters or import (no Go benchmarks)")
	only := flag.String("only", "", `"region": only the search and dashboard at region scale, on both engines`)
	flag.Parse()
	dir := *work
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "mektepkezhol-bench-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
	}
	b := &bench{dir: dir, cli: filepath.Join(dir, "mektepkezhol-cli"), part: *part}
	run := func() error { return b.run(*goBench) }
	if *only == "region" {
		run = b.regionFigures
	}
	if err := run(); err != nil {
		fail(err)
	}
	b.print(os.Stdout)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchtable:", err)
	os.Exit(1)
}

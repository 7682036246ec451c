package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"

	"github.com/mektepkezhol/app/ui"
)

// startTimings turns on the GUI's timing hooks for make bench:
// MEKTEPKEZHOL_TIMINGS=path writes JSON lines there (ui/timings.go),
// MEKTEPKEZHOL_WALK=1 then walks every screen and quits, and
// MEKTEPKEZHOL_PROFILE=prefix writes prefix.cpu and, at the end,
// prefix.heap for go tool pprof, and MEKTEPKEZHOL_TRACE=path a
// runtime/trace of the whole run (the walk's steps logged in it). It
// returns what to run once the window has closed.
func startTimings(u *ui.App) (stop func()) {
	stop = func() {}
	path := os.Getenv("MEKTEPKEZHOL_TIMINGS")
	if path == "" {
		return stop
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "timings:", err)
		return stop
	}
	u.StartTimings(f) // the file closes with the process
	if prefix := os.Getenv("MEKTEPKEZHOL_PROFILE"); prefix != "" {
		stop = profile(prefix)
	}
	if path := os.Getenv("MEKTEPKEZHOL_TRACE"); path != "" {
		stop = traceTo(path, stop)
	}
	if os.Getenv("MEKTEPKEZHOL_WALK") == "1" {
		go u.Walk()
	}
	return stop
}

func profile(prefix string) (stop func()) {
	cpu, err := os.Create(prefix + ".cpu")
	if err == nil {
		err = pprof.StartCPUProfile(cpu)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		if heap, err := os.Create(prefix + ".heap"); err == nil {
			pprof.WriteHeapProfile(heap)
			heap.Close()
		}
	}
}

// traceTo writes a runtime/trace to path until the returned stop, which
// runs then.
func traceTo(path string, then func()) (stop func()) {
	f, err := os.Create(path)
	if err == nil {
		err = trace.Start(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trace:", err)
		return then
	}
	return func() {
		trace.Stop()
		f.Close()
		then()
	}
}

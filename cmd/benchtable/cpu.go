//go:build linux

package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The machine the bench runs on may be shared: wall-clock times then
// measure the other work as much as ours. CPU time spent by this process
// and by the test server's processes is what a query costs, whatever the
// load; the region's rows give it beside the wall-clock p95.

// cpuClock reads the CPU time of this process and, for a server URL on
// this machine, of its PostgreSQL server's processes.
type cpuClock struct{ postmaster int }

func newCPUClock(dsn string) cpuClock {
	u, err := url.Parse(dsn)
	if err != nil || u.Port() == "" {
		return cpuClock{}
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		for i := 1; i < len(args) && filepath.Base(args[0]) == "postgres"; i++ {
			if args[i-1] == "-p" && args[i] == u.Port() {
				pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
				return cpuClock{postmaster: pid}
			}
		}
	}
	return cpuClock{}
}

func (c cpuClock) now() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	total := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if c.postmaster == 0 {
		return total
	}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// after the command's name in parentheses: state, ppid, … utime (14th), stime (15th)
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
		if len(f) < 13 {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if ppid, _ := strconv.Atoi(f[1]); ppid != c.postmaster && pid != c.postmaster {
			continue
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		total += time.Duration(ut+st) * 10 * time.Millisecond // USER_HZ = 100
	}
	return total
}

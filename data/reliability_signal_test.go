//go:build linux

package data_test

import (
	"os/signal"
	"syscall"
)

func ignoreSIGXFSZ() { signal.Ignore(syscall.SIGXFSZ) }

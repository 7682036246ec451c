//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// stressCopy copies the kept stress database into a folder of its own in
// the bench's folder, sparse, and returns the copy's path; the caller
// removes the folder.
func (b *bench) stressCopy(kept string) (string, error) {
	dir, err := os.MkdirTemp(b.dir, "stress-")
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "stress.db")
	if out, err := exec.Command("cp", "--sparse=always", kept, dst).CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("copy %s: %v: %s", kept, err, out)
	}
	return dst, nil
}

// dailyCopyFigure makes the day's automatic copy of db as the window's
// first start of a day does (`backup --auto`: VACUUM INTO, gzip, a hash
// to skip unchanged days) and sets its size beside the database's
// (issue 23: ≤ 40 %).
func (b *bench) dailyCopyFigure(db string) {
	dir := filepath.Join(filepath.Dir(db), "backups")
	load := loadAverage()
	fmt.Fprintln(os.Stderr, "the daily copy of the stress database …")
	wall, rss, err := b.timed(b.cli, "--db", db, "backup", "--auto", "--dir", dir)
	if err != nil {
		b.note("daily copy of the stress database: %v", err)
		return
	}
	cpu := b.lastCPU
	fi, err := os.Stat(db)
	if err != nil {
		b.note("daily copy of the stress database: %v", err)
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.note("daily copy of the stress database: %v", err)
		return
	}
	var copyName string
	var size int64
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".gz") || strings.HasSuffix(n, ".gz.age") {
			if info, err := e.Info(); err == nil {
				copyName, size = n, info.Size()
			}
		}
	}
	if copyName == "" {
		b.note("daily copy of the stress database: no copy written in %s", dir)
		return
	}
	b.add(row{"daily copy's size (stress database)",
		fmt.Sprintf("`backup --auto` of a %.2f GB database (300k children, 1.75M distributions): %s, %s wall, CPU %s, peak RSS %.0f MB, load %s",
			float64(fi.Size())/1e9, copyName, secs(wall), secs(cpu), rss, load),
		fmt.Sprintf("%.0f MB = %.1f %%", float64(size)/1e6, 100*float64(size)/float64(fi.Size())), "≤ 40 %", "", ""})
}

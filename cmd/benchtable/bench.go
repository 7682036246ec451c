//go:build linux

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/mektepkezhol/app/data"
)

// row is one line of the table.
type row struct {
	figure, workload, measured, target, baseline, ratio string
}

type bench struct {
	dir, cli string
	rows     []row
	notes    []string
}

func (b *bench) add(r row) {
	b.rows = append(b.rows, r)
	fmt.Fprintf(os.Stderr, "  %s: %s\n", r.figure, r.measured)
}

func (b *bench) note(format string, args ...any) {
	b.notes = append(b.notes, fmt.Sprintf(format, args...))
}

// timed runs the CLI (or any program) and returns its wall time and peak RSS in MB.
func (b *bench) timed(name string, args ...string) (time.Duration, float64, error) {
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return wall, 0, fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	rss := 0.0
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return wall, rss, nil
}

func (b *bench) run(goBench bool) error {
	fmt.Fprintln(os.Stderr, "building the CLI …")
	if out, err := exec.Command("go", "build", "-o", b.cli, "./cmd/mektepkezhol-cli").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v: %s", err, out)
	}
	big := filepath.Join(b.dir, "big.db")
	fmt.Fprintln(os.Stderr, "generating 100k children, 2k sponsors, 100k distributions …")
	wall, _, err := b.timed(b.cli, "--db", big, "demo", "--children", "100000", "--sponsors", "2000", "--distributions", "100000")
	if err != nil {
		return err
	}
	b.add(row{"demo generation", "100k children, 2k sponsors, 100k distributions", secs(wall), "", "", ""})
	if err := b.storeFigures(big); err != nil {
		return err
	}
	if err := b.regionFigures(); err != nil {
		return err
	}
	b.cliFigures(big)
	b.importFigure()
	b.windowFigure(big)
	if goBench {
		if err := b.goBenchmarks(); err != nil {
			return err
		}
	}
	return nil
}

// storeFigures measures search and dashboard through the store, as the GUI calls them.
func (b *bench) storeFigures(path string) error {
	st, err := data.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		return err
	}
	kids, err := st.FindChildren(ctx, data.ChildFilter{Limit: 400, Offset: 5000})
	if err != nil {
		return err
	}
	var searches []time.Duration
	for i, k := range kids {
		q := []string{string([]rune(k.Surname)[:3]), string([]rune(k.Name)[:4]), string(k.IIN[:6]), strings.ToLower(k.Surname)}[i%4]
		// as the children screen searches: the first page in list order,
		// then the count when more than a page matches
		f := data.ChildFilter{Query: q}
		start := time.Now()
		page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, 100)
		if err != nil {
			return err
		}
		if page.More {
			if _, err := st.CountChildren(ctx, f); err != nil {
				return err
			}
		}
		searches = append(searches, time.Since(start))
	}
	b.add(row{"search p95", "100k children, 400 queries (name part, IIN part): first 100 rows in order + the count",
		ms(percentile(searches, 95)), "≤ 50 ms", "", ""})

	var sums []time.Duration
	for i := 0; i < 30; i++ {
		start := time.Now()
		if _, err := st.Summary(ctx, c.ID); err != nil {
			return err
		}
		if _, err := st.Stock(ctx, c.ID); err != nil {
			return err
		}
		sums = append(sums, time.Since(start))
	}
	b.add(row{"dashboard aggregates p95", "summary + stock over 100k distributions", ms(percentile(sums, 95)), "≤ 100 ms", "", ""})
	return nil
}

func (b *bench) cliFigures(db string) {
	letters := filepath.Join(b.dir, "letters.pdf")
	if wall, rss, err := b.timed(b.cli, "--db", db, "letters", "--campaign", "2019", "--lang", "kk", "--out", letters); err != nil {
		b.note("letters: %v", err)
	} else {
		n := pdfPages(letters)
		perSec := float64(n) / wall.Seconds()
		base, ratio := b.letterBaseline(perSec)
		b.add(row{"letters/s", fmt.Sprintf("%d letters into one PDF (peak RSS %.0f MB)", n, rss),
			fmt.Sprintf("%.0f/s (%s)", perSec, secs(wall)), "1,000 in ≤ 2 s (≥ 500/s)", base, ratio})
	}
	for _, f := range []struct{ format, target string }{{"xlsx", "≤ 5 s, ≤ 300 MB"}, {"pdf", "≤ 2 s"}} {
		out := filepath.Join(b.dir, "report."+f.format)
		wall, rss, err := b.timed(b.cli, "--db", db, "report", "--campaign", "2019", "--format", f.format, "--lang", "kk", "--out", out)
		if err != nil {
			b.note("report %s: %v", f.format, err)
			continue
		}
		b.add(row{"report " + f.format + " time, peak RSS", "100k distributions, 2k sponsors",
			fmt.Sprintf("%s, %.0f MB", secs(wall), rss), f.target, "", ""})
	}
}

// importFigure exports 10,000 children to xlsx and imports them into a
// database with the same schools and 10,000 other children.
func (b *bench) importFigure() {
	src, dst := filepath.Join(b.dir, "src.db"), filepath.Join(b.dir, "dst.db")
	xlsx, csv := filepath.Join(b.dir, "children.xlsx"), filepath.Join(b.dir, "children.csv")
	steps := [][]string{
		{"--db", src, "demo", "--children", "10000", "--sponsors", "20", "--distributions", "10"},
		{"--db", src, "export", "children", "--out", xlsx},
		{"--db", src, "export", "children", "--out", csv},
		// the same schools (their number follows the children's), other children
		{"--db", dst, "demo", "--children", "10000", "--sponsors", "20", "--distributions", "10", "--seed", "7"},
	}
	for _, args := range steps {
		if _, _, err := b.timed(b.cli, args...); err != nil {
			b.note("import set-up: %v", err)
			return
		}
	}
	wall, rss, err := b.timed(b.cli, "--db", dst, "import", "children", xlsx)
	if err != nil {
		b.note("import: %v", err)
		return
	}
	perSec := 10000 / wall.Seconds()
	base, ratio := b.csvBaseline(csv, perSec)
	b.add(row{"import rows/s", fmt.Sprintf("a 10k-row xlsx: parse, validate, commit (peak RSS %.0f MB)", rss),
		fmt.Sprintf("%.0f/s (%s)", perSec, secs(wall)), "10k in ≤ 3 s (≥ 3,333/s)", base, ratio})
}

func (b *bench) print(w io.Writer) {
	fmt.Fprintf(w, "\nMachine: %s/%s, %d cores, %s; %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuName(), time.Now().Format("2006-01-02"))
	fmt.Fprintln(w, "| figure | workload | measured | target | baseline | ratio |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, r := range b.rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", r.figure, r.workload, r.measured, orDash(r.target), orDash(r.baseline), orDash(r.ratio))
	}
	for _, n := range b.notes {
		fmt.Fprintln(w, "\nnote:", n)
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[min(len(ds)-1, len(ds)*p/100)]
}

func ms(d time.Duration) string   { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func cpuName() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") {
			return strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
		}
	}
	return "unknown CPU"
}

func pdfPages(path string) int {
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		return 0
	}
	var n int
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			fmt.Sscan(strings.TrimPrefix(line, "Pages:"), &n)
		}
	}
	return n
}

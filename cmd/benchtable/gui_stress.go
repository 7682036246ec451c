//go:build linux

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

var guiStressOnly = flag.Bool("gui-stress", false, "only the GUI rows on the stress database (see $MEKTEPKEZHOL_STRESS_DB)")

// stressDB is the stress database (300k children, 1M distributions of
// the campaign): generating it takes minutes, so it is made once and kept
// between runs, at $MEKTEPKEZHOL_STRESS_DB or in /var/tmp.
func (b *bench) stressDB() (string, error) {
	path := os.Getenv("MEKTEPKEZHOL_STRESS_DB")
	if path == "" {
		path = filepath.Join("/var/tmp", "mektepkezhol-stress.db")
	}
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	fmt.Fprintln(os.Stderr, "generating the stress database (minutes) at", path, "…")
	wall, _, err := b.timed(b.cli, "--db", path, "demo", "--scale", "stress")
	if err != nil {
		os.Remove(path)
		return "", err
	}
	b.add(row{"stress database generation", "300k children, 5k sponsors, 1M distributions", secs(wall), "", "", ""})
	return path, nil
}

// guiEvent is one line of the GUI's timing hooks (ui/timings.go).
type guiEvent struct {
	Ev, Name   string
	Ms         int64
	AfterKeyMs int64 `json:"after_key_ms"`
	ShownMs    int64 `json:"shown_ms"` // from the key to the frame that shows it
	Step       string
	Rows       int
	MB         int64
	AnonMB     int64 `json:"anon_mb"`
}

// guiStressFigures walks the GUI through every screen on the stress
// database under Xvfb (MEKTEPKEZHOL_WALK=1) and reads its own timings.
func (b *bench) guiStressFigures() {
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		b.note("GUI on the stress database: xvfb-run not installed")
		return
	}
	kept, err := b.stressDB()
	if err != nil {
		b.note("GUI on the stress database: %v", err)
		return
	}
	// the app writes beside the file it opens (migrations, the day's copy
	// into «backups»): it opens a copy, never the kept database
	db, err := b.stressCopy(kept)
	if err != nil {
		b.note("GUI on the stress database: %v", err)
		return
	}
	defer os.RemoveAll(filepath.Dir(db))
	b.dailyCopyFigure(db) // cmd/benchtable/daily_copy.go; the walk's start then finds the day's copy made
	gui := filepath.Join(b.dir, "mektepkezhol")
	if out, err := exec.Command("go", "build", "-o", gui, "./cmd/mektepkezhol").CombinedOutput(); err != nil {
		b.note("GUI on the stress database: build: %v: %s", err, out)
		return
	}
	log := filepath.Join(b.dir, "gui-stress-timings.jsonl")
	cmd := exec.Command("timeout", "600", xvfb, "-a", "-s", "-screen 0 1366x768x24", gui, "--db", db)
	cmd.Env = append(os.Environ(), "MEKTEPKEZHOL_TIMINGS="+log, "MEKTEPKEZHOL_WALK=1")
	load := loadAverage()
	fmt.Fprintln(os.Stderr, "walking the GUI on the stress database …")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.note("GUI on the stress database: %v: %s", err, lastLines(string(out), 5))
		return
	}
	events, err := readGUIEvents(log)
	if err != nil {
		b.note("GUI on the stress database: %v", err)
		return
	}
	// the walk's CPU (the app and Xvfb, reaped by timeout): with other
	// work on the two cores the wall times above say less than this
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	b.addGUIRows(events, fmt.Sprintf("stress database, Xvfb 1366×768, load %s, the walk's CPU %s", load, secs(cpu)))
}

func (b *bench) addGUIRows(events []guiEvent, where string) {
	var lists, stalls []time.Duration
	var gives []guiEvent                          // the give form's answers, in the order shown
	var typed, typedShown, opened []time.Duration // the Children search: typed, and as the screen opens
	var paced []time.Duration                     // the same typed at a typist's pace
	var window, jump time.Duration
	blanks, scrolled := 0, false
	var screens []guiEvent
	var rss, anon int64
	for _, e := range events {
		d := time.Duration(e.Ms) * time.Millisecond
		switch {
		case e.Ev == "list" && e.Name == "distributions":
			lists = append(lists, d)
		case e.Ev == "search" && e.Name == "give":
			gives = append(gives, e)
		case e.Ev == "search" && e.Name == "children" && (strings.HasPrefix(e.Step, "children: type") || e.Step == "children: clear"):
			typed = append(typed, d)
			typedShown = append(typedShown, time.Duration(e.ShownMs)*time.Millisecond)
		case e.Ev == "search" && e.Name == "children" && strings.HasPrefix(e.Step, "children: pace"):
			paced = append(paced, time.Duration(e.ShownMs)*time.Millisecond)
		case e.Ev == "search" && e.Name == "children":
			opened = append(opened, time.Duration(e.ShownMs)*time.Millisecond)
		case e.Ev == "window":
			window = d
		case e.Ev == "scroll":
			blanks, scrolled = e.Rows, true
		case e.Ev == "jump":
			jump = d
		case e.Ev == "screen" && !strings.HasPrefix(e.Name, "distributions"):
			screens = append(screens, e)
		case e.Ev == "stall":
			stalls = append(stalls, d)
		case e.Ev == "rss" && e.Name == "after_all":
			rss, anon = e.MB, e.AnonMB
		}
	}
	if window > 0 {
		b.add(row{"window shown, from the process's start", where, ms(window), "≤ 1.5 s", "", ""})
	}
	if len(typed) > 0 {
		b.add(row{"Children screen: typed search answered (worst)", fmt.Sprintf("%s; %d answers shown of «Ахметов», «Серік», «0605» typed at 40 ms a key, no debounce, and of the box cleared; "+
			"from the key to the frame that shows it, median %s (query to rows in the table: worst %s, median %s)",
			where, len(typed), ms(median(typedShown)), ms(slicesMax(typed)), ms(median(typed))), ms(slicesMax(typedShown)), "≤ 50 ms", "", ""})
	}
	if len(paced) > 0 {
		b.add(row{"the same, typed at a typist's pace (worst)", fmt.Sprintf("%s; %d answers of the same words typed at 150 ms a key (about 400 keys a minute); median %s",
			where, len(paced), ms(median(paced))), ms(slicesMax(paced)), "≤ 50 ms", "", ""})
	}
	if len(opened) > 0 {
		b.add(row{"Children screen: first page shown as the screen opens (worst)", fmt.Sprintf("%s; %d openings, from the query to the frame that shows the page",
			where, len(opened)), ms(slicesMax(opened)), "≤ 300 ms (a screen)", "", ""})
	}
	if scrolled {
		b.add(row{"Children list: rows drawn blank in a steady scroll", where + "; 2,000 rows, 20 rows every 50 ms",
			fmt.Sprint(blanks), "none", "", ""})
	}
	if jump > 0 {
		b.add(row{"Children list: a jump to the middle filled", where + "; row 150,000 of 300,000, by offset", ms(jump), "≤ 300 ms", "", ""})
	}
	if len(lists) > 0 {
		b.add(row{"Тарату: list shown (worst of 2 visits)", where + "; newest 200 of 1M distributions + count",
			ms(slicesMax(lists)), "≤ 500 ms", "", ""})
	}
	b.addGiveRow(gives, where)
	if len(screens) > 0 {
		sort.Slice(screens, func(i, j int) bool { return screens[i].Ms > screens[j].Ms })
		var all []string
		for _, s := range screens {
			all = append(all, fmt.Sprintf("%s %d", s.Name, s.Ms))
		}
		b.add(row{"every other screen shown, loads landed (worst)", where + "; ms: " + strings.Join(all, ", "),
			fmt.Sprintf("%d ms (%s)", screens[0].Ms, screens[0].Name), "≤ 300 ms", "", ""})
	}
	worst := time.Duration(0)
	if len(stalls) > 0 {
		worst = slicesMax(stalls)
	}
	b.add(row{"UI goroutine stalls > 100 ms", where + "; probed every 50 ms through the whole walk",
		fmt.Sprintf("%d, worst %s", len(stalls), ms(worst)), "none", "", ""})
	if rss > 0 {
		b.add(row{"app RSS after every screen", fmt.Sprintf("%s; of it the app's own (anonymous) %d MB", where, anon),
			fmt.Sprintf("%d MB", rss), "≤ 400 MB", "", ""})
	}
}

func readGUIEvents(path string) ([]guiEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []guiEvent
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e guiEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the GUI wrote no timings", path)
	}
	return out, sc.Err()
}

// median is the middle of ds (the upper one of an even count).
func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func slicesMax(ds []time.Duration) time.Duration {
	m := ds[0]
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

// loadAverage is the machine's 1-minute load: other work on the two
// cores shows in every GUI figure.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// addGiveRow times the give form's search from the last key of each typed
// query: the last answer shown in a walk step is that key's, as a newer
// key drops the older answers. Each key asks the store at once, so the
// answers to the keys before it are shown too; their worst is said beside.
func (b *bench) addGiveRow(gives []guiEvent, where string) {
	if len(gives) == 0 {
		return
	}
	var afterKeys, queries, shown, every []time.Duration
	for i, e := range gives {
		every = append(every, time.Duration(e.ShownMs)*time.Millisecond)
		if i+1 < len(gives) && gives[i+1].Step == e.Step {
			continue // a key before the query's last
		}
		queries = append(queries, time.Duration(e.Ms)*time.Millisecond)
		afterKeys = append(afterKeys, time.Duration(e.AfterKeyMs)*time.Millisecond)
		shown = append(shown, time.Duration(e.ShownMs)*time.Millisecond)
	}
	b.add(row{"give form: child search answered after the last key (worst)", fmt.Sprintf("%s; %d queries typed at 40 ms a key, each key asking at once, a newer one cancelling the older; "+
		"from the last key to the frame that shows its matches (to the matches in the form: %s; from the query sent: %s; every key's answer, %d of them: worst %s, median %s)",
		where, len(shown), ms(slicesMax(afterKeys)), ms(slicesMax(queries)), len(every), ms(slicesMax(every)), ms(median(every))), ms(slicesMax(shown)), "≤ 100 ms", "", ""})
}

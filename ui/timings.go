package ui

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// timings writes the GUI's own figures as JSON lines, one event a line,
// for make bench (MEKTEPKEZHOL_TIMINGS=path, see cmd/mektepkezhol):
//
//	{"ev":"screen","name":"children","ms":120}   shown, its loads landed
//	{"ev":"list","name":"distributions","ms":80,"rows":200}
//	{"ev":"search","name":"give","ms":4,"after_key_ms":84,"shown_ms":95,"rows":20}
//	{"ev":"search","name":"children","ms":9,"shown_ms":41,"rows":100}   key to frame
//	{"ev":"stall","ms":140}                       the UI goroutine blocked
//	{"ev":"rss","name":"after_all","mb":210}
//
// Each event also has at_ms (since the process's start) and, in the walk,
// step (ui/timings_walk.go). A nil *timings writes nothing, so the
// screens call it unconditionally.
type timings struct {
	mu    sync.Mutex
	w     io.Writer
	start time.Time              // the process's start: each event's at_ms
	step  atomic.Pointer[string] // the walk's step now, named in each event
	paint *paintProbe            // ui/timings_paint.go
	key   time.Time              // the walk's key being typed; UI goroutine only
}

// timingEvent is one line.
type timingEvent struct {
	Ev         string `json:"ev"`
	Name       string `json:"name,omitempty"`
	Ms         int64  `json:"ms"`
	AfterKeyMs int64  `json:"after_key_ms,omitempty"`
	ShownMs    int64  `json:"shown_ms,omitempty"` // from the key to the frame that shows the answer
	Rows       int    `json:"rows,omitempty"`
	MB         int64  `json:"mb,omitempty"`
	AnonMB     int64  `json:"anon_mb,omitempty"`
	GoMB       int64  `json:"go_mb,omitempty"` // the Go runtime's share of AnonMB
	At         int64  `json:"at_ms"`           // since the process's start
	Step       string `json:"step,omitempty"`  // the walk's step it came in
}

func (t *timings) write(e timingEvent) {
	if t == nil {
		return
	}
	e.At = time.Since(t.start).Milliseconds()
	if step := t.step.Load(); step != nil && e.Step == "" {
		e.Step = *step
	}
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.w.Write(append(b, '\n'))
}

// stepTo names the walk's step the next events belong to, in the events
// and in a runtime/trace log (MEKTEPKEZHOL_TRACE).
func (t *timings) stepTo(name string) {
	t.step.Store(&name)
	trace.Log(context.Background(), "step", name)
}

// listShown notes a list's first page on screen, since its load started.
func (t *timings) listShown(screen string, rows int, since time.Time) {
	t.write(timingEvent{Ev: "list", Name: screen, Ms: time.Since(since).Milliseconds(), Rows: rows})
}

// answerShown notes a search's answer on screen, the Children screen's
// page or a child picker's matches (ms: since the query went to the
// store), once the window has painted it since the clerk's key
// (shown_ms): the key's own wait for the UI goroutine and the frame that
// shows the answer are in it. Call it on the UI goroutine.
func (t *timings) answerShown(screen string, rows int, sent, key time.Time) {
	if t == nil {
		return
	}
	filled, step := time.Now(), t.step.Load()
	t.paint.afterPaint(func() {
		e := timingEvent{Ev: "search", Name: screen, Ms: filled.Sub(sent).Milliseconds(),
			AfterKeyMs: filled.Sub(key).Milliseconds(), ShownMs: time.Since(key).Milliseconds(), Rows: rows}
		if step != nil { // the step of the key, not of the paint
			e.Step = *step
		}
		t.write(e)
	})
}

// keyTime is when the walk typed the key being handled, or else sent
// (a search not typed: the screen's opening, a filter).
func (t *timings) keyTime(sent time.Time) time.Time {
	if t == nil || t.key.IsZero() {
		return sent
	}
	return t.key
}

// StartTimings makes the app write its timing events to w and probe the
// UI goroutine every 50 ms for stalls over 100 ms, until the app quits.
// Call it before the window shows.
func (u *App) StartTimings(w io.Writer) {
	u.timings = &timings{w: w, start: u.started, paint: u.addPaintProbe()}
	t := u.timings
	go func() {
		fyne.DoAndWait(func() {}) // the window's loop runs: its start is no stall
		for {
			start := time.Now()
			fyne.DoAndWait(func() {})
			if d := time.Since(start); d > 100*time.Millisecond {
				t.write(timingEvent{Ev: "stall", Ms: d.Milliseconds()})
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
}

// rssEvent reads the process's resident memory (Linux; zeros elsewhere):
// in all, and the part that is the app's own (heap, SQLite's caches, the
// renderer's buffers) rather than files mapped in.
func rssEvent(name string) timingEvent {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	e := timingEvent{Ev: "rss", Name: name, GoMB: int64(ms.Sys-ms.HeapReleased) >> 20}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return e
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, rest, _ := strings.Cut(sc.Text(), ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		switch key {
		case "VmRSS":
			e.MB = kb / 1024
		case "RssAnon":
			e.AnonMB = kb / 1024
		}
	}
	return e
}

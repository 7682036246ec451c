package ui

import (
	"errors"
	"os"
	"os/user"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// background runs slow work off the UI goroutine; the work touches widgets
// only through fyne.Do. Tests make it synchronous.
var background = func(work func()) {
	running.Add(1)
	go func() {
		defer running.Add(-1)
		work()
	}()
}

// running counts the background work under way: the timing hooks
// (ui/timings.go) call a screen shown once its loads have landed.
var running atomic.Int64

// staging counts the runs of inFrames under way (ui/frames.go), which
// running counts too: the timing hooks wait for them, the top bar's
// spinner does not (they build what is loaded, a frame apart).
var staging atomic.Int64

// loading tells whether background work other than staging runs.
func loading() bool { return running.Load() > staging.Load() }

func dialogError(w fyne.Window, msg string) {
	dialog.ShowError(errors.New(msg), w)
}

// money writes «1 500 000 ₸».
func money(n int64) string { return data.FormatTenge(n) }

// number writes «1 500 000».
func number(n int64) string { return data.FormatNumber(n) }

// dateText writes dd.mm.yyyy, or nothing for no date.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return data.FormatDate(t)
}

// parseDate reads dd.mm.yyyy (also d.m.yyyy); "" is no date.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("2.1.2006", s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// parseInt reads a whole number, allowing the spaces of «1 500 000».
func parseInt(s string) (int64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "₸", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// newDocDateEntry is the field a document's date is asked in (letters,
// the report, the press release): today unless the clerk types another
// day, and refused unless it is one.
func newDocDateEntry() *lineEntry {
	e := newLineEntry()
	e.SetText(data.FormatDate(time.Now()))
	e.Validator = func(s string) error {
		if t, ok := parseDate(s); !ok || t.IsZero() {
			return errors.New(lang.L("docs.date.bad"))
		}
		return nil
	}
	return e
}

// docDate reads a field newDocDateEntry made; ok is false, with the
// message shown, when it holds no day.
func docDate(e *lineEntry, w fyne.Window) (time.Time, bool) {
	if err := e.Validate(); err != nil {
		dialog.ShowError(err, w)
		return time.Time{}, false
	}
	t, _ := parseDate(e.Text)
	return t, true
}

// dateValidator checks a dd.mm.yyyy entry as the clerk types.
func dateValidator(s string) error {
	if _, ok := parseDate(s); !ok {
		return errors.New(lang.L("err.date"))
	}
	return nil
}

// formState tracks whether a form's fields changed since it was filled.
type formState struct {
	dirty   bool
	filling bool
}

// track marks the form dirty when any of the entries (lineEntry or
// textArea) changes by hand.
func (f *formState) track(entries ...interface{ entry() *widget.Entry }) {
	for _, o := range entries {
		e := o.entry()
		prev := e.OnChanged
		e.OnChanged = func(s string) {
			f.mark()
			if prev != nil {
				prev(s)
			}
		}
	}
}

// mark notes a change made by hand, not while fill sets the fields.
func (f *formState) mark() {
	if !f.filling {
		f.dirty = true
	}
}

// fill runs fn, which sets the fields, without marking the form dirty.
func (f *formState) fill(fn func()) {
	f.filling = true
	defer func() { f.filling = false }()
	fn()
	f.dirty = false
}

// choice maps the labels of a widget.Select to codes.
type choice struct {
	codes  []string
	labels []string
}

func newChoice(codes []string, label func(code string) string) choice {
	c := choice{codes: codes}
	for _, code := range codes {
		c.labels = append(c.labels, label(code))
	}
	return c
}

func (c choice) code(label string) string {
	for i, l := range c.labels {
		if l == label {
			return c.codes[i]
		}
	}
	return ""
}

func (c choice) label(code string) string {
	for i, k := range c.codes {
		if k == code {
			return c.labels[i]
		}
	}
	return ""
}

// osUserName names the clerk at this desk for the records (issued by).
func osUserName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// newSelect is widget.NewSelect with a translated placeholder: Fyne's own
// «(Select one)» is not translatable.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("select.placeholder")
	return s
}

// wrapped is a label that wraps its words instead of widening its column.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// withError puts e's validation message under it in a label that wraps:
// in a widget.Form the message is one line as wide as its text, which
// pushed the sponsor form's «Сақтау» off the window.
func withError(e *lineEntry) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	e.SetOnValidationChanged(func(err error) {
		if err == nil || e.Text == "" {
			msg.Hide()
			return
		}
		msg.SetText(err.Error())
		msg.Show()
	})
	return container.NewVBox(e, msg)
}

// quoted puts a name in «» unless it has quotes of its own: «"«Сарыарқа
// Құрылыс» ЖШС"» is what the clerk saw.
func quoted(name string) string {
	if strings.ContainsAny(name, "«»\"“”„") {
		return name
	}
	return "«" + name + "»"
}

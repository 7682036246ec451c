package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const (
	// tipDelay is how long the mouse rests on a cut text before the whole
	// text shows, so that sweeping across a list shows nothing.
	tipDelay = 400 * time.Millisecond
	// tipMaxWidth is where a long text wraps.
	tipMaxWidth = 560
)

// tipLayer shows a cut cell's whole text under the mouse. Fyne 2.7 has no
// tooltips, and a pop-up would take the mouse from the table (Fyne sends
// the mouse to the top overlay only), so the tip is drawn in a layer laid
// over the window's content, which no event ever reaches.
type tipLayer struct {
	layer *fyne.Container // no layout: the tip is placed by hand
	bg    *canvas.Rectangle
	text  *widget.Label
	owner *tipLabel // the cell the tip is shown or waited for
	timer *time.Timer
}

// tipLayers finds a window's tip layer from a cell, which knows its canvas
// but not its App.
var tipLayers sync.Map // fyne.Canvas → *tipLayer

func newTipLayer(c fyne.Canvas) *tipLayer {
	t := &tipLayer{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), text: widget.NewLabel("")}
	t.bg.StrokeColor, t.bg.StrokeWidth = theme.Color(theme.ColorNameShadow), 1
	t.text.Wrapping = fyne.TextWrapWord
	t.layer = container.NewWithoutLayout(t.bg, t.text)
	t.layer.Hide()
	tipLayers.Store(c, t)
	return t
}

// over lays the tip layer over content.
func (t *tipLayer) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, t.layer)
}

// wait shows l's whole text after tipDelay, unless the mouse leaves first.
func (t *tipLayer) wait(l *tipLabel) {
	t.hide(nil)
	t.owner = l
	t.timer = time.AfterFunc(tipDelay, func() { fyne.Do(func() { t.show(l) }) })
}

// show draws l's whole text just below l, inside the window.
func (t *tipLayer) show(l *tipLabel) {
	if t.owner != l || !l.cut() {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos, win := d.AbsolutePositionForObject(l), d.CanvasForObject(l).Size()
	pad := theme.InnerPadding()
	w := min(fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*pad, tipMaxWidth, win.Width)
	t.text.SetText(l.Text)
	t.text.Resize(fyne.NewSize(w, 0))
	size := fyne.NewSize(w, t.text.MinSize().Height)
	at := fyne.NewPos(min(pos.X, win.Width-size.Width), pos.Y+l.Size().Height)
	if at.Y+size.Height > win.Height { // no room below: above the cell
		at.Y = max(0, pos.Y-size.Height)
	}
	t.text.Move(at)
	t.text.Resize(size)
	t.bg.Move(at)
	t.bg.Resize(size)
	t.layer.Show()
	t.layer.Refresh()
}

// hide takes the tip away, if it is l's (or anyone's, for nil).
func (t *tipLayer) hide(l *tipLabel) {
	if l != nil && t.owner != l {
		return
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	t.owner = nil
	t.layer.Hide()
}

// tipLabel is a table cell's label that shows its whole text on hover
// when the column cuts it. It passes the mouse on to its table, whose
// row highlight follows the mouse as before.
type tipLabel struct {
	widget.Label
	table *widget.Table
	tips  *tipLayer // the window's, found at the first hover
}

func newTipLabel(table *widget.Table) *tipLabel {
	l := &tipLabel{table: table}
	l.ExtendBaseWidget(l)
	return l
}

// setText sets the cell's text; a tip of the text it had goes.
func (l *tipLabel) setText(s string) {
	if s == l.Text {
		return
	}
	if l.tips != nil { // only a label the mouse has been on can own the tip
		l.tips.hide(l)
	}
	l.Truncation = l.truncation(s, l.Size().Width)
	l.SetText(s)
}

// Resize cuts the text with an ellipsis only if it no longer fits.
func (l *tipLabel) Resize(size fyne.Size) {
	t := l.truncation(l.Text, size.Width)
	l.Label.Resize(size)
	if t != l.Truncation {
		l.Truncation = t
		l.Refresh()
	}
}

// truncation is an ellipsis for a text wider than width, none for one
// that fits (or before the label has a width). Fyne's ellipsis shapes the
// whole text afresh, uncached, at every refresh and resize of the label
// (widget.truncateLimit): a quarter of the UI goroutine's time in the
// walk's scroll of the Children list went there, for texts that fit.
// Measuring is cached per text, and painting the text measures it anyway.
func (l *tipLabel) truncation(s string, width float32) fyne.TextTruncation {
	if width <= 0 || s == "" || textWidth(s, l.TextStyle) <= width {
		return fyne.TextTruncateOff
	}
	return fyne.TextTruncateEllipsis
}

// textWidth is a label's width for s, its padding included.
func textWidth(s string, style fyne.TextStyle) float32 {
	return fyne.MeasureText(s, theme.TextSize(), style).Width + 2*theme.InnerPadding()
}

// cut tells whether the label's text is wider than the label.
func (l *tipLabel) cut() bool {
	return textWidth(l.Text, l.TextStyle) > l.Size().Width
}

// layer finds the tip layer of the label's window.
func (l *tipLabel) layer() *tipLayer {
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil {
		return nil
	}
	t, _ := tipLayers.Load(c)
	tl, _ := t.(*tipLayer)
	return tl
}

// MouseIn waits to show the whole text, if it is cut.
func (l *tipLabel) MouseIn(ev *desktop.MouseEvent) {
	l.toTable(ev, l.table.MouseIn)
	if l.tips == nil {
		l.tips = l.layer()
	}
	if l.tips != nil && l.cut() {
		l.tips.wait(l)
	}
}

// MouseMoved moves the table's row highlight.
func (l *tipLabel) MouseMoved(ev *desktop.MouseEvent) { l.toTable(ev, l.table.MouseMoved) }

// MouseOut takes the tip away.
func (l *tipLabel) MouseOut() {
	if l.tips != nil {
		l.tips.hide(l)
	}
}

// toTable gives the table the mouse event in its own coordinates.
func (l *tipLabel) toTable(ev *desktop.MouseEvent, fn func(*desktop.MouseEvent)) {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.table)
	e := *ev
	e.Position = ev.AbsolutePosition.Subtract(at)
	fn(&e)
}

var _ desktop.Hoverable = (*tipLabel)(nil)

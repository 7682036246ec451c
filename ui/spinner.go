package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// spinStep is how often a spinner moves on: four times a second.
const spinStep = 250 * time.Millisecond

// spinner is the app's busy sign: three dots, one of them lit, the light
// stepping on every spinStep. Fyne's Activity moves at every frame, and
// Fyne paints the whole window for each: 60 window paints a second, which
// on a PC without a graphics card (Mesa's llvmpipe; Xvfb in make bench)
// cost 15–25 ms of the UI goroutine each, so a typed search's answer
// waited behind them (31 of the 45 paints while «Ахметов» was typed into
// the Children search were the top bar's Activity). This one costs four
// paints a second. Start, Stop, Show and Hide on the UI goroutine.
type spinner struct {
	widget.BaseWidget
	dots [3]*canvas.Circle
	lit  int
	stop chan struct{} // while it turns
}

func newSpinner() *spinner {
	s := &spinner{}
	for i := range s.dots {
		s.dots[i] = canvas.NewCircle(color.Transparent)
	}
	s.ExtendBaseWidget(s)
	s.paint()
	return s
}

// Start turns the spinner, if it does not turn yet.
func (s *spinner) Start() {
	if s.stop != nil {
		return
	}
	stop := make(chan struct{})
	s.stop = stop
	go func() {
		tick := time.NewTicker(spinStep)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(func() {
					if s.stop == stop {
						s.lit = (s.lit + 1) % len(s.dots)
						s.paint()
					}
				})
			}
		}
	}()
}

// Stop stops it.
func (s *spinner) Stop() {
	if s.stop != nil {
		close(s.stop)
		s.stop = nil
	}
}

// Running tells whether it turns.
func (s *spinner) Running() bool { return s.stop != nil }

// paint colours the dots: the lit one in the text's colour, the others
// faint; a spinner hidden is not refreshed (a refresh paints the window).
func (s *spinner) paint() {
	fg := theme.Color(theme.ColorNameForeground)
	r, g, b, _ := fg.RGBA()
	faint := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
	for i, d := range s.dots {
		d.FillColor = faint
		if i == s.lit {
			d.FillColor = fg
		}
		if s.Visible() {
			d.Refresh()
		}
	}
}

func (s *spinner) CreateRenderer() fyne.WidgetRenderer {
	return &spinnerRenderer{s: s}
}

type spinnerRenderer struct{ s *spinner }

func (r *spinnerRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.Size(theme.SizeNameInlineIcon))
}

// Layout puts the three dots in a row across the middle.
func (r *spinnerRenderer) Layout(size fyne.Size) {
	d := min(size.Width/4, size.Height/2)
	gap := (size.Width - 3*d) / 4
	for i, dot := range r.s.dots {
		dot.Resize(fyne.NewSquareSize(d))
		dot.Move(fyne.NewPos(gap+float32(i)*(d+gap), (size.Height-d)/2))
	}
}

func (r *spinnerRenderer) Refresh() { r.s.paint() }

func (r *spinnerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.s.dots[0], r.s.dots[1], r.s.dots[2]}
}

func (r *spinnerRenderer) Destroy() {}

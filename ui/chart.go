package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// bar is one line of a bar chart: a label, a value and its text.
type bar struct {
	label string
	value int64
	text  string
	// part, if set, is drawn darker inside the bar (helped of registered).
	part int64
}

// barChart draws horizontal bars with Fyne canvas rectangles, scaled to
// the largest value.
func barChart(bars []bar) fyne.CanvasObject {
	var max int64
	for _, b := range bars {
		if b.value > max {
			max = b.value
		}
	}
	rows := container.New(layout.NewFormLayout())
	for _, b := range bars {
		frac, part := float32(0), float32(0)
		if max > 0 {
			frac = float32(b.value) / float32(max)
			part = float32(b.part) / float32(max)
		}
		track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		fill := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNamePrimary), 0x70))
		inner := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		value := widget.NewLabel(b.text)
		bars := container.New(&barLayout{frac: frac, part: part}, track, fill, inner, value)
		// a long category's name wraps onto a second line: cut with an
		// ellipsis it could not be read anywhere
		rows.Add(container.New(fixedWidth(230), wrapped(b.label)))
		rows.Add(bars)
	}
	return rows
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// barTextWidth is kept free after the longest bar for its value's text,
// so that every track has the same length.
const barTextWidth = 190

// barLayout sizes a bar's rectangles to their fractions of the width and
// puts the value's text after the bar.
type barLayout struct{ frac, part float32 }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	text := objs[3]
	tw := text.MinSize().Width
	full := size.Width - barTextWidth
	if full < 0 {
		full = 0
	}
	h := size.Height * 0.6
	y := (size.Height - h) / 2
	objs[0].Move(fyne.NewPos(0, y))
	objs[0].Resize(fyne.NewSize(full, h))
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(full*l.frac, h))
	objs[2].Move(fyne.NewPos(0, y))
	objs[2].Resize(fyne.NewSize(full*l.part, h))
	text.Move(fyne.NewPos(full*l.frac, 0))
	text.Resize(fyne.NewSize(tw, size.Height))
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[3].MinSize()
	return fyne.NewSize(barTextWidth+60, t.Height)
}

// fixedWidth lays its object out at a fixed width and the height it asks
// for there (a wrapping label's lines).
type fixedWidth float32

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

package report

import (
	"fmt"
	"math"

	"github.com/jung-kurt/gofpdf"
)

// Colours of the certificate: the sky blue and the gold of the flag.
var (
	colorBlue = [3]int{0, 94, 150}
	colorGold = [3]int{181, 139, 38}
)

// hornPath is the right half of a «қошқар мүйіз» (ram's horn) motif in a
// unit box: x from 0 to 1, y from 0 (tip) to 1 (stem). Each entry is a cubic
// Bézier segment: two control points and the end point.
var hornPath = [][6]float64{
	{0, 0.15, 0.3, 0.0, 0.55, 0.05},
	{0.85, 0.1, 0.95, 0.35, 0.8, 0.5},
	{0.68, 0.62, 0.5, 0.55, 0.52, 0.4},
	{0.54, 0.3, 0.65, 0.3, 0.68, 0.38},
}

// motif draws a ram's-horn pair of size s centred on (cx, cy), turned by
// angle degrees; its stem points down at angle 0.
func motif(pdf *gofpdf.Fpdf, cx, cy, s, angle float64) {
	sin, cos := math.Sincos(angle * math.Pi / 180)
	pt := func(u, v float64) (float64, float64) {
		u, v = u*s/2, (v-0.5)*s
		return cx + u*cos - v*sin, cy + u*sin + v*cos
	}
	for _, side := range []float64{1, -1} {
		pdf.MoveTo(pt(0, 1))
		x, y := pt(0, 0.5)
		pdf.LineTo(x, y)
		for _, seg := range hornPath {
			x1, y1 := pt(side*seg[0], seg[1])
			x2, y2 := pt(side*seg[2], seg[3])
			x3, y3 := pt(side*seg[4], seg[5])
			pdf.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
		}
		pdf.DrawPath("D")
	}
	// A small rhomb between the horns.
	x0, y0 := pt(0, 0.12)
	x1, y1 := pt(0.08, 0.22)
	x2, y2 := pt(0, 0.32)
	x3, y3 := pt(-0.08, 0.22)
	pdf.Polygon([]gofpdf.PointType{{X: x0, Y: y0}, {X: x1, Y: y1}, {X: x2, Y: y2}, {X: x3, Y: y3}}, "F")
}

// drawBorder draws the certificate's frame on an A4 portrait page: two blue
// rules, a gold band of ram's horns between them, and a rosette of four
// horns in each corner.
func drawBorder(pdf *gofpdf.Fpdf) {
	const w, h = 210.0, 297.0
	pdf.SetDrawColor(colorBlue[0], colorBlue[1], colorBlue[2])
	pdf.SetLineWidth(1.2)
	pdf.Rect(8, 8, w-16, h-16, "D")
	pdf.SetLineWidth(0.3)
	pdf.Rect(10, 10, w-20, h-20, "D")
	pdf.Rect(23, 23, w-46, h-46, "D")
	pdf.SetLineWidth(0.6)
	pdf.Rect(24.2, 24.2, w-48.4, h-48.4, "D")

	pdf.SetDrawColor(colorGold[0], colorGold[1], colorGold[2])
	pdf.SetFillColor(colorGold[0], colorGold[1], colorGold[2])
	pdf.SetLineWidth(0.45)
	const band, size, step = 16.5, 8.5, 11.0
	// Top and bottom bands, horns alternating up and down.
	n := int(math.Floor((w - 2*30) / step))
	x0 := (w - float64(n)*step) / 2
	for i := 0; i <= n; i++ {
		x := x0 + float64(i)*step
		motif(pdf, x, band, size, float64(180*(i%2)))
		motif(pdf, x, h-band, size, float64(180*((i+1)%2)))
	}
	// Left and right bands.
	n = int(math.Floor((h - 2*30) / step))
	y0 := (h - float64(n)*step) / 2
	for i := 0; i <= n; i++ {
		y := y0 + float64(i)*step
		motif(pdf, band, y, size, float64(90+180*(i%2)))
		motif(pdf, w-band, y, size, float64(90+180*((i+1)%2)))
	}
	// Corner rosettes: four horns around a centre.
	for _, c := range [][2]float64{{band, band}, {w - band, band}, {band, h - band}, {w - band, h - band}} {
		pdf.SetFillColor(255, 255, 255)
		pdf.Circle(c[0], c[1], 6.2, "F")
		pdf.SetFillColor(colorGold[0], colorGold[1], colorGold[2])
		for a := 0.0; a < 360; a += 90 {
			sin, cos := math.Sincos(a * math.Pi / 180)
			motif(pdf, c[0]-2.6*sin, c[1]+2.6*cos, 5.2, a)
		}
		pdf.Circle(c[0], c[1], 0.9, "F")
	}
}

// drawDivider draws a short ornamental rule centred at (cx, y): a ram's horn
// flanked by two lines.
func drawDivider(pdf *gofpdf.Fpdf, cx, y, halfWidth float64) {
	pdf.SetDrawColor(colorGold[0], colorGold[1], colorGold[2])
	pdf.SetFillColor(colorGold[0], colorGold[1], colorGold[2])
	pdf.SetLineWidth(0.4)
	pdf.Line(cx-halfWidth, y, cx-6, y)
	pdf.Line(cx+6, y, cx+halfWidth, y)
	motif(pdf, cx, y, 7, 180)
}

// dividerY is where a divider's template draws it; pages move it.
const dividerY = 100.0

// divider draws the ornamental rule centred on the page at y, as a form
// made once per width (fixedForm): its curves are not written again on
// every page.
func (r *letterPDF) divider(y, halfWidth float64) {
	t := r.fixedForm(fmt.Sprint("divider ", halfWidth), func() { drawDivider(r.pdf, pageWidth/2, dividerY, halfWidth) })
	corner, size := t.Size()
	corner.Y += y - dividerY
	r.pdf.UseTemplateScaled(t, corner, size)
}

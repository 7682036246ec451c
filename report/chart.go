package report

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// chartPalette colours the series and sectors of the charts.
var chartPalette = [][3]int{{31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189},
	{140, 86, 75}, {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}}

func chartColor(i int) [3]int { return chartPalette[i%len(chartPalette)] }

// chartSeries is one set of bars: values[i] belongs to the chart's labels[i].
type chartSeries struct {
	name   string
	values []int64
}

// hBarChart draws stacked horizontal bars as vectors at the current
// position: a label column, the bars, the total at each bar's end and a
// legend when there is more than one series. It returns the height used.
func hBarChart(pdf *gofpdf.Fpdf, x, y, w, labelW float64, labels []string, ss []chartSeries) float64 {
	const barH, gap = 5.0, 2.0
	var most int64
	totals := make([]int64, len(labels))
	for i := range labels {
		for _, s := range ss {
			totals[i] += s.values[i]
		}
		most = max(most, totals[i])
	}
	scale := 0.0
	barW := w - labelW - 18 // room for the total after the longest bar
	if most > 0 {
		scale = barW / float64(most)
	}
	pdf.SetFont("sans", "", 7)
	pdf.SetDrawColor(160, 160, 160)
	pdf.Line(x+labelW, y, x+labelW, y+float64(len(labels))*(barH+gap))
	for i, label := range labels {
		row := y + float64(i)*(barH+gap)
		pdf.SetXY(x, row)
		pdf.CellFormat(labelW-1, barH, fitText(pdf, label, labelW-1), "", 0, "R", false, 0, "")
		left := x + labelW
		for k, s := range ss {
			c := chartColor(k)
			if len(ss) == 1 {
				c = chartColor(0)
			}
			pdf.SetFillColor(c[0], c[1], c[2])
			bw := float64(s.values[i]) * scale
			if bw > 0 {
				pdf.Rect(left, row, bw, barH, "F")
			}
			left += bw
		}
		pdf.SetXY(left+1, row)
		pdf.CellFormat(17, barH, Number(totals[i]), "", 0, "L", false, 0, "")
	}
	h := float64(len(labels)) * (barH + gap)
	if len(ss) > 1 {
		h += chartLegend(pdf, x+labelW, y+h+1, w-labelW, seriesNames(ss)) + 1
	}
	return h
}

func seriesNames(ss []chartSeries) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.name
	}
	return out
}

// chartLegend draws coloured keys in a row, wrapping; it returns the height used.
func chartLegend(pdf *gofpdf.Fpdf, x, y, w float64, labels []string) float64 {
	pdf.SetFont("sans", "", 7)
	cx, cy := x, y
	for i, l := range labels {
		lw := pdf.GetStringWidth(l) + 7
		if cx+lw > x+w && cx > x {
			cx, cy = x, cy+5
		}
		c := chartColor(i)
		pdf.SetFillColor(c[0], c[1], c[2])
		pdf.Rect(cx, cy+1, 3, 3, "F")
		pdf.SetXY(cx+4, cy)
		pdf.CellFormat(lw-4, 5, l, "", 0, "L", false, 0, "")
		cx += lw
	}
	return cy + 5 - y
}

// pieChart draws a pie of radius r centred at (cx, cy) as vector sectors,
// with a legend of labels, quantities and shares to its right.
func pieChart(pdf *gofpdf.Fpdf, cx, cy, r float64, labels []string, values []int64) {
	var total int64
	for _, v := range values {
		total += v
	}
	if total == 0 {
		return
	}
	start := -math.Pi / 2
	pdf.SetDrawColor(255, 255, 255)
	pdf.SetLineWidth(0.3)
	for i, v := range values {
		if v == 0 {
			continue
		}
		sweep := 2 * math.Pi * float64(v) / float64(total)
		pts := []gofpdf.PointType{{X: cx, Y: cy}}
		steps := max(2, int(sweep/(math.Pi/90)))
		for k := 0; k <= steps; k++ {
			a := start + sweep*float64(k)/float64(steps)
			pts = append(pts, gofpdf.PointType{X: cx + r*math.Cos(a), Y: cy + r*math.Sin(a)})
		}
		c := chartColor(i)
		pdf.SetFillColor(c[0], c[1], c[2])
		pdf.Polygon(pts, "FD")
		start += sweep
	}
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetFont("sans", "", 8)
	lx, ly := cx+r+8, cy-float64(len(labels))*5/2
	for i, l := range labels {
		c := chartColor(i)
		pdf.SetFillColor(c[0], c[1], c[2])
		pdf.Rect(lx, ly+float64(i)*5+1, 3, 3, "F")
		pdf.SetXY(lx+5, ly+float64(i)*5)
		pdf.CellFormat(80, 5, l+" — "+Number(values[i])+" ("+Percent(values[i], total)+")", "", 0, "L", false, 0, "")
	}
}

// fitText shortens text with an ellipsis until it fits in w at the current font.
func fitText(pdf *gofpdf.Fpdf, text string, w float64) string {
	if pdf.GetStringWidth(text) <= w {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

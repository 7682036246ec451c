package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteCalibration writes the test page for pre-printed blanks: a
// millimetre ruler along the edges, unshifted, and cross marks where the
// blank's fields start, shifted by the template's offsets. Printed on a
// blank, the distance from each mark to its field is the correction to add
// to the offsets.
func WriteCalibration(w io.Writer, opt LetterOptions) error {
	if err := opt.Template.Validate(); err != nil {
		return err
	}
	opt.Blank = true
	r, err := newLetterPDF(opt)
	if err != nil {
		return err
	}
	pdf := r.pdf
	pdf.AddPage()
	rulers(r)

	pdf.TransformBegin()
	pdf.TransformTranslate(opt.Template.BlankOffsetXmm, opt.Template.BlankOffsetYmm)
	pdf.SetDrawColor(200, 0, 0)
	pdf.SetTextColor(200, 0, 0)
	pdf.SetLineWidth(0.2)
	marks := []struct {
		x, y  float64
		label string
	}{
		{pageWidth / 2, varTop, "Алушы / Адресат"},
		{textLeft, varTop + 20, "Мәтін / Текст"},
		{textLeft + textWidth, varBottom, "Мәтін соңы / Конец текста"},
		{textLeft, signY, "Лауазымы / Должность"},
		{textLeft + textWidth, signY, "Қолы / Подпись"},
		{pageWidth / 2, placeY, "Қала, күні, № / Город, дата, №"},
	}
	pdf.SetFont(fontSerif, "", 8)
	for _, m := range marks {
		pdf.Line(m.x-6, m.y, m.x+6, m.y)
		pdf.Line(m.x, m.y-6, m.x, m.y+6)
		pdf.Circle(m.x, m.y, 1.5, "D")
		lx := m.x + 2
		if m.x > pageWidth/2+10 {
			lx = m.x - 2 - pdf.GetStringWidth(m.label)
		}
		pdf.Text(lx, m.y-2, m.label)
	}
	pdf.SetDrawColor(200, 0, 0)
	pdf.Rect(textLeft, varTop, textWidth, varBottom-varTop, "D")
	pdf.TransformEnd()

	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontSerif, "B", 13)
	pdf.SetXY(textLeft, 32)
	pdf.CellFormat(textWidth, 7, "Бланкті калибрлеу беті / Страница калибровки бланка", "", 0, "C", false, 0, "")
	pdf.SetFont(fontSerif, "", 10)
	y := 42.0
	for _, s := range []string{
		fmt.Sprintf("Ығысу / Смещение: X = %s мм, Y = %s мм", mm(opt.Template.BlankOffsetXmm), mm(opt.Template.BlankOffsetYmm)),
		"Бетті бланкіге басып шығарыңыз; қызыл белгілер бланк өрістерінен қанша мм ауытқығанын өлшеп, баптауларға енгізіңіз.",
		"Напечатайте страницу на бланке; измерьте, на сколько мм красные метки отстоят от полей бланка, и внесите поправку в настройки.",
	} {
		pdf.SetXY(textLeft, y)
		pdf.MultiCell(textWidth, 5, s, "", "C", false)
		y = pdf.GetY() + 1.5
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// rulers draws millimetre scales along the top and left edges.
func rulers(r *letterPDF) {
	pdf := r.pdf
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetLineWidth(0.1)
	pdf.SetFont(fontSerif, "", 6)
	for x := 0; x <= 210; x++ {
		l := 1.5
		switch {
		case x%10 == 0:
			l = 5
			if x > 0 && x < 210 {
				pdf.Text(float64(x)-1.5, 8.5, fmt.Sprint(x))
			}
		case x%5 == 0:
			l = 3
		}
		pdf.Line(float64(x), 0, float64(x), l)
	}
	for y := 0; y <= 297; y++ {
		l := 1.5
		switch {
		case y%10 == 0:
			l = 5
			if y > 0 && y < 297 {
				pdf.Text(6, float64(y)+1, fmt.Sprint(y))
			}
		case y%5 == 0:
			l = 3
		}
		pdf.Line(0, float64(y), l, float64(y))
	}
}

func mm(v float64) string {
	return strings.Replace(fmt.Sprintf("%+.1f", v), ".", ",", 1)
}

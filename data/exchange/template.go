package exchange

import (
	"fmt"
	"io"

	"github.com/mektepkezhol/app/data"
	"github.com/xuri/excelize/v2"
)

// templateRows is how many rows of the template get drop-down lists.
const templateRows = 1000

// WriteTemplate writes the blank list a school fills in and sends back: a
// title naming the school, the children's headers the importer expects,
// and drop-down lists of the ten categories and of the classes 1–11.
func WriteTemplate(w io.Writer, school data.School, categories []data.Category, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := tr(lang, "Балалар", "Дети")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	title := tr(lang, "«Мектепке жол» акциясына балалар тізімі", "Список детей для акции «Дорога в школу»")
	if school.Number > 0 {
		title += fmt.Sprintf(" — %s (№%d)", school.Name(lang), school.Number)
	}
	if err := f.SetCellStr(sheet, "A1", title); err != nil {
		return err
	}
	headers := trAll(lang, childHeaders...)
	if err := f.SetSheetRow(sheet, "A3", &headers); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	if err := f.SetCellStyle(sheet, "A1", last+"3", bold); err != nil {
		return err
	}
	// IINs as text: a typed 061211600012 keeps its leading zero.
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	if err := f.SetColStyle(sheet, "A", text); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", last, 18); err != nil {
		return err
	}
	if err := addLists(f, sheet, headers, categories, lang); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func columnOf(headers []string, h [2]string) string {
	for i, x := range headers {
		if x == h[0] || x == h[1] {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return name
		}
	}
	return "A"
}

// addLists puts the category names and the classes on a hidden sheet (a
// list typed into the rule is limited to 255 characters) and attaches them
// to the category and class columns.
func addLists(f *excelize.File, sheet string, headers []string, categories []data.Category, lang string) error {
	const lists = "lists"
	if _, err := f.NewSheet(lists); err != nil {
		return err
	}
	for i, c := range categories {
		if err := f.SetCellStr(lists, fmt.Sprintf("A%d", i+1), c.Name(lang)); err != nil {
			return err
		}
	}
	var grades []string
	for g := 1; g <= 11; g++ {
		for _, l := range []string{"А", "Ә", "Б", "В", "Г", "Д"} {
			grades = append(grades, fmt.Sprintf("%d %s", g, l))
		}
	}
	for i, g := range grades {
		if err := f.SetCellStr(lists, fmt.Sprintf("B%d", i+1), g); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(lists, false); err != nil {
		return err
	}
	for _, l := range []struct {
		col string
		ref string
	}{
		{columnOf(headers, childHeaders[8]), fmt.Sprintf("%s!$A$1:$A$%d", lists, len(categories))},
		{columnOf(headers, childHeaders[7]), fmt.Sprintf("%s!$B$1:$B$%d", lists, len(grades))},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s4:%s%d", l.col, l.col, 3+templateRows)
		dv.SetSqrefDropList(l.ref)
		// Warn, don't stop: a child in two categories is typed by hand.
		dv.ErrorStyle = strPtr("warning")
		dv.ShowErrorMessage = true
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

func strPtr(s string) *string { return &s }

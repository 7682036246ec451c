//go:build ignore

// checkxlsx reads the workbook the Windows CLI wrote and compares its
// summary figures with the summary JSON: `go run checkxlsx.go F.xlsx S.json`.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

func main() {
	f, err := excelize.OpenFile(os.Args[1])
	if err != nil {
		fail("open %s: %v", os.Args[1], err)
	}
	defer f.Close()
	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail("%v", err)
	}
	var sum struct {
		MoneyTenge int64 `json:"money_tenge"`
		Sponsors   int64 `json:"sponsors"`
	}
	if err := json.Unmarshal(raw, &sum); err != nil {
		fail("summary: %v", err)
	}
	sheets := f.GetSheetList()
	if len(sheets) < 5 {
		fail("workbook has %d sheets, want 5: %v", len(sheets), sheets)
	}
	found := map[int64]bool{}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		fail("%v", err)
	}
	for _, r := range rows {
		for _, c := range r {
			if n, err := strconv.ParseInt(c, 10, 64); err == nil {
				found[n] = true
			}
		}
	}
	if !found[sum.MoneyTenge] || !found[sum.Sponsors] {
		fail("summary sheet %q lacks money %d or sponsors %d", sheets[0], sum.MoneyTenge, sum.Sponsors)
	}
	fmt.Printf("xlsx: %d sheets, summary figures match\n", len(sheets))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "checkxlsx: "+format+"\n", args...)
	os.Exit(1)
}

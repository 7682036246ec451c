package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// benchmarkReport times one public report on 100k distributions and 2k
// sponsors, reading its figures from the store each time, as the CLI and
// the GUI do. b.Loop runs the function once, so the database is made once
// per benchmark (it takes some seconds) and is not part of the time.
func benchmarkReport(b *testing.B, write func(io.Writer, report.CampaignReport, report.ReportOptions) error) {
	ctx := context.Background()
	fx := repOpen(b, data.DemoOptions{Children: 30000, Sponsors: 2000, Distributions: 100000})
	if got := fx.r.Summary.Distributions; got != 100000 {
		b.Fatalf("distributions = %d, want 100000", got)
	}
	b.ReportAllocs()
	for b.Loop() {
		figs, err := fx.st.ReportFigures(ctx, fx.camp.ID)
		if err != nil {
			b.Fatal(err)
		}
		r := report.CampaignReport{ReportFigures: figs, GeneratedOn: fx.r.GeneratedOn}
		if err := write(io.Discard, r, report.ReportOptions{Lang: "kk"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkbook100k: target ≤ 5 s (and ≤ 300 MB RSS, measured on the CLI).
func BenchmarkWorkbook100k(b *testing.B) { benchmarkReport(b, report.WriteWorkbook) }

// BenchmarkPDFReport100k: target ≤ 2 s.
func BenchmarkPDFReport100k(b *testing.B) { benchmarkReport(b, report.WritePDFReport) }

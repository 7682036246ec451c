package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// BenchmarkReports100k times the public reports on 100k distributions and
// 2k sponsors, the database made once for the run. Each report's time
// includes reading its figures from the store. Targets: xlsx ≤ 5 s (and
// ≤ 300 MB RSS, measured on the CLI), PDF ≤ 2 s.
func BenchmarkReports100k(b *testing.B) {
	ctx := context.Background()
	fx := repOpen(b, data.DemoOptions{Children: 30000, Sponsors: 2000, Distributions: 100000})
	if got := fx.r.Summary.Distributions; got != 100000 {
		b.Fatalf("distributions = %d, want 100000", got)
	}
	figures := func(b *testing.B) report.CampaignReport {
		figs, err := fx.st.ReportFigures(ctx, fx.camp.ID)
		if err != nil {
			b.Fatal(err)
		}
		return report.CampaignReport{ReportFigures: figs, GeneratedOn: fx.r.GeneratedOn}
	}
	b.Run("figures", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			figures(b)
		}
	})
	b.Run("xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WriteWorkbook(io.Discard, figures(b), report.ReportOptions{Lang: "kk"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pdf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WritePDFReport(io.Discard, figures(b), report.ReportOptions{Lang: "kk"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// BenchmarkCopyCity copies the city demo (3 000 children, ~29 000 rows)
// into an empty store: what `migrate` does for a typical office, into a
// SQLite file or, under .ci/with-postgres, a schema on the server.
func BenchmarkCopyCity(b *testing.B) {
	ctx := context.Background()
	src, _ := mustDemo(b, data.DemoOptions{})
	rows := 0
	for b.Loop() {
		b.StopTimer()
		dst := datatest.Open(b)
		b.StartTimer()
		stats, err := data.Copy(ctx, dst, src, nil)
		if err != nil {
			b.Fatal(err)
		}
		rows = stats.Rows
	}
	b.ReportMetric(float64(rows), "rows")
}

package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// BenchmarkInsert100kDistributions gives 100,000 items in one transaction
// (target ≤ 2 s on 2 cores), duplicate and stock checks and audit included.
func BenchmarkInsert100kDistributions(b *testing.B) {
	const n = 100000
	st, c := mustDemo(b, data.DemoOptions{Children: 25000, Sponsors: 50, Distributions: 1})
	ctx := context.Background()
	children, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		b.Fatal(err)
	}
	items, _ := st.FindAidItems(ctx)
	batch := make([]data.Distribution, 0, n)
	for i := 0; len(batch) < n; i++ {
		ch := children[i%len(children)]
		it := items[(i/len(children))%len(items)]
		batch = append(batch, data.Distribution{ChildID: ch.ID, CampaignID: c.ID, ItemID: it.ID, Quantity: 1,
			GivenOn: data.Date(2019, 8, 20), ActNumber: "19-1/0820"})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := st.RawExec(`DELETE FROM distributions WHERE campaign_id = ?`, c.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := st.CreateDistributions(ctx, batch, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkSummary100k computes the campaign summary over 100,000
// distributions of 100,000 children (target ≤ 100 ms).
func BenchmarkSummary100k(b *testing.B) {
	st, c := mustDemo(b, data.DemoOptions{Children: 100000, Sponsors: 2000, Distributions: 100000})
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := st.Summary(ctx, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Distributions != 100000 {
			b.Fatalf("distributions=%d", sum.Distributions)
		}
	}
}

package office

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// RollUpReport gathers the figures of the campaign of year in every
// district's database and rolls them up into the region's report, with a
// table by district. A district's SQLite file must exist: none is created.
func RollUpReport(ctx context.Context, districts []data.Office, year int) (report.CampaignReport, error) {
	var r report.CampaignReport
	if len(districts) == 0 {
		return r, fmt.Errorf("roll-up: no district")
	}
	parts := make([]data.DistrictFigures, 0, len(districts))
	for _, d := range districts {
		part, err := districtFigures(ctx, d, year)
		if err != nil {
			return r, err
		}
		parts = append(parts, part)
		r.Districts = append(r.Districts, part.Totals())
	}
	r.ReportFigures, r.GeneratedOn = data.RollUp(parts), time.Now()
	return r, nil
}

func districtFigures(ctx context.Context, d data.Office, year int) (data.DistrictFigures, error) {
	if !data.IsServer(d.DSN) {
		if _, err := os.Stat(d.DSN); err != nil {
			return data.DistrictFigures{}, fmt.Errorf("district %s: %w", d.Name, err)
		}
	}
	st, err := data.Open(d.DSN)
	if err != nil {
		return data.DistrictFigures{}, fmt.Errorf("district %s: %w", d.Name, err)
	}
	defer st.Close()
	if err := mayReport(st); err != nil {
		return data.DistrictFigures{}, fmt.Errorf("district %s: %w", d.Name, err)
	}
	return st.DistrictFigures(ctx, d.Name, year)
}

// WriteRollUp writes the region's roll-up report of the districts to path,
// as WriteReport writes one office's.
func WriteRollUp(ctx context.Context, districts []data.Office, year int, format, lang, path string) error {
	if format != "pdf" && format != "xlsx" {
		return fmt.Errorf("report format %q: pdf or xlsx", format)
	}
	r, err := RollUpReport(ctx, labelled(districts, lang), year)
	if err != nil {
		return err
	}
	return writeReport(r, format, lang, path)
}

// labelled names the districts found on a server by their office's
// department in lang rather than by their schema; two of one name keep
// their schemas too.
func labelled(districts []data.Office, lang string) []data.Office {
	out := make([]data.Office, len(districts))
	seen := map[string]int{}
	for i, d := range districts {
		out[i] = d
		out[i].Name = d.Label(lang)
		seen[out[i].Name]++
	}
	for i, d := range out {
		if seen[d.Name] > 1 && d.Name != districts[i].Name {
			out[i].Name = d.Name + " (" + districts[i].Name + ")"
		}
	}
	return out
}

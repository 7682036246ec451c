package data

import (
	"context"
	"fmt"
	"sort"
)

// DistrictFigures are one district's (one office's, one database's) report
// figures of a campaign, gathered for a region roll-up. The IINs of its
// children stay in memory, unexported, so the roll-up can count a child
// registered in two districts once; they are never written anywhere.
type DistrictFigures struct {
	Name string
	ReportFigures
	registered, helped, helpedBefore map[string]bool
	// category and IIN of the registered children, and of those helped
	// in the campaign and in the previous one, for the category table
	inCategory, helpedIn, helpedBeforeIn map[[2]string]bool
}

// DistrictTotals is one district's row of the roll-up's district table.
type DistrictTotals struct {
	Name             string
	Children         int   // registered, not archived
	ChildrenHelped   int   // got at least one item in the campaign
	ItemsDistributed int64 // given to children
	MoneyTenge       int64
	Sponsors         int
	Appeals          int
}

// Totals returns the district's row of the district table.
func (d DistrictFigures) Totals() DistrictTotals {
	s := d.Summary
	return DistrictTotals{Name: d.Name, Children: s.Children, ChildrenHelped: s.ChildrenHelped,
		ItemsDistributed: s.ItemsDistributed, MoneyTenge: s.MoneyTenge, Sponsors: s.Sponsors, Appeals: s.Appeals.Total}
}

// DistrictFigures gathers the report figures of the campaign of year for
// the district called name.
func (s *Store) DistrictFigures(ctx context.Context, name string, year int) (DistrictFigures, error) {
	d := DistrictFigures{Name: name}
	c, err := s.FindCampaignByYear(ctx, year)
	if err != nil {
		return d, fmt.Errorf("district %s: campaign %d: %w", name, year, err)
	}
	if d.ReportFigures, err = s.ReportFigures(ctx, c.ID); err != nil {
		return d, fmt.Errorf("district %s: %w", name, err)
	}
	if d.registered, err = s.childIINs(ctx, `SELECT iin FROM children WHERE archived = 0`); err != nil {
		return d, fmt.Errorf("district %s: %w", name, err)
	}
	helped := `SELECT c.iin FROM children c WHERE EXISTS (SELECT 1 FROM distributions d WHERE d.campaign_id = ? AND d.child_id = c.id)`
	if d.helped, err = s.childIINs(ctx, helped, c.ID); err != nil {
		return d, fmt.Errorf("district %s: %w", name, err)
	}
	members := `SELECT cc.category, c.iin FROM child_categories cc JOIN children c ON c.id = cc.child_id WHERE c.archived = 0`
	if d.inCategory, err = s.categoryIINs(ctx, members); err != nil {
		return d, fmt.Errorf("district %s: %w", name, err)
	}
	helpedMembers := members + ` AND EXISTS (SELECT 1 FROM distributions d WHERE d.campaign_id = ? AND d.child_id = c.id)`
	if d.helpedIn, err = s.categoryIINs(ctx, helpedMembers, c.ID); err != nil {
		return d, fmt.Errorf("district %s: %w", name, err)
	}
	if d.Previous != nil {
		if d.helpedBefore, err = s.childIINs(ctx, helped, d.Previous.Campaign.ID); err != nil {
			return d, fmt.Errorf("district %s: %w", name, err)
		}
		if d.helpedBeforeIn, err = s.categoryIINs(ctx, helpedMembers, d.Previous.Campaign.ID); err != nil {
			return d, fmt.Errorf("district %s: %w", name, err)
		}
	}
	return d, nil
}

// categoryIINs reads the pairs of category and IIN a query returns.
func (s *Store) categoryIINs(ctx context.Context, query string, args ...any) (map[[2]string]bool, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("children's categories for the roll-up: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]bool{}
	for rows.Next() {
		var k [2]string
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// countByCategory counts the children of each category in the districts'
// pairs of category and IIN, each child once however many districts
// have them; every category of zero stays.
func countByCategory(counts map[string]int, pairs func(DistrictFigures) map[[2]string]bool, parts []DistrictFigures) {
	seen := map[[2]string]bool{}
	for k := range counts {
		counts[k] = 0
	}
	for _, p := range parts {
		for k := range pairs(p) {
			if !seen[k] {
				seen[k] = true
				counts[k[0]]++
			}
		}
	}
}

func (s *Store) childIINs(ctx context.Context, query string, args ...any) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("children for the roll-up: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var iin string
		if err := rows.Scan(&iin); err != nil {
			return nil, err
		}
		out[iin] = true
	}
	return out, rows.Err()
}

// RollUp sums the districts' figures of one campaign into the region's:
// money, items, appeals, coverage and letters are added up; a child is
// counted once however many districts registered or helped them (by IIN),
// and a sponsor once by name and BIN, its gifts summed. Schools are listed
// by district, their names prefixed with the district's. Categories, items
// and settings are the first district's; the districts' events are merged
// in date order. The previous campaign is compared only when every
// district has the same one.
func RollUp(parts []DistrictFigures) ReportFigures {
	if len(parts) == 0 {
		return ReportFigures{}
	}
	first := parts[0]
	r := ReportFigures{Campaign: first.Campaign, Settings: first.Settings, Categories: first.Categories,
		Summary: emptySummary(first.Summary), CategoryItems: map[string]map[string]int64{},
		Appeals: map[string]map[string]int{}, Coverage: emptyCoverage(first.Coverage.Campaign)}
	items := map[string]bool{}
	sponsors := map[[2]string]int{}
	registered, helped := map[string]bool{}, map[string]bool{}
	for _, p := range parts {
		addSummary(&r.Summary, p.Summary)
		addCoverage(&r.Coverage, p.Coverage)
		for _, it := range p.Items {
			if !items[it.Code] {
				items[it.Code] = true
				r.Items = append(r.Items, it)
			}
		}
		for _, sc := range p.Schools {
			sc.NameKK, sc.NameRU = p.Name+": "+sc.NameKK, p.Name+": "+sc.NameRU
			r.Schools = append(r.Schools, sc)
		}
		for cat, m := range p.CategoryItems {
			if r.CategoryItems[cat] == nil {
				r.CategoryItems[cat] = map[string]int64{}
			}
			for it, n := range m {
				r.CategoryItems[cat][it] += n
			}
		}
		for ch, m := range p.Appeals {
			if r.Appeals[ch] == nil {
				r.Appeals[ch] = map[string]int{}
			}
			for st, n := range m {
				r.Appeals[ch][st] += n
			}
		}
		for _, sp := range p.Sponsors {
			r.Sponsors = mergeSponsor(r.Sponsors, sponsors, sp)
		}
		for _, ev := range p.Events {
			ev.TitleKK, ev.TitleRU = p.Name+": "+ev.TitleKK, p.Name+": "+ev.TitleRU
			r.Events = append(r.Events, ev)
		}
		for iin := range p.registered {
			registered[iin] = true
		}
		for iin := range p.helped {
			helped[iin] = true
		}
	}
	r.Summary.Children, r.Summary.ChildrenHelped = len(registered), len(helped)
	countByCategory(r.Summary.ChildrenByCategory, func(d DistrictFigures) map[[2]string]bool { return d.inCategory }, parts)
	countByCategory(r.Summary.HelpedByCategory, func(d DistrictFigures) map[[2]string]bool { return d.helpedIn }, parts)
	r.Summary.Sponsors = len(r.Sponsors)
	sort.SliceStable(r.Sponsors, func(i, j int) bool {
		a, b := r.Sponsors[i], r.Sponsors[j]
		if ta, tb := a.MoneyTenge+a.InKindValueTenge, b.MoneyTenge+b.InKindValueTenge; ta != tb {
			return ta > tb
		}
		return a.Name < b.Name
	})
	sort.SliceStable(r.Events, func(i, j int) bool { return r.Events[i].HeldOn.Before(r.Events[j].HeldOn) })
	r.Previous = rollUpPrevious(parts, registered)
	return r
}

// rollUpPrevious sums the districts' previous campaign when all have the same one.
func rollUpPrevious(parts []DistrictFigures, registered map[string]bool) *PreviousFigures {
	var p *PreviousFigures
	helped := map[string]bool{}
	for _, d := range parts {
		if d.Previous == nil || p != nil && d.Previous.Campaign.Year != p.Campaign.Year {
			return nil
		}
		if p == nil {
			p = &PreviousFigures{Campaign: d.Previous.Campaign, Summary: emptySummary(d.Previous.Summary),
				Coverage: emptyCoverage(d.Previous.Coverage.Campaign)}
		}
		addSummary(&p.Summary, d.Previous.Summary)
		addCoverage(&p.Coverage, d.Previous.Coverage)
		for iin := range d.helpedBefore {
			helped[iin] = true
		}
	}
	// the register is today's in both columns, as in one office's report
	p.Summary.Children, p.Summary.ChildrenHelped = len(registered), len(helped)
	countByCategory(p.Summary.ChildrenByCategory, func(d DistrictFigures) map[[2]string]bool { return d.inCategory }, parts)
	countByCategory(p.Summary.HelpedByCategory, func(d DistrictFigures) map[[2]string]bool { return d.helpedBeforeIn }, parts)
	return p
}

// mergeSponsor adds sp's gifts to the sponsor of the same name and BIN in
// list, or appends it; index maps name and BIN to the position in list.
func mergeSponsor(list []SponsorFigures, index map[[2]string]int, sp SponsorFigures) []SponsorFigures {
	key := [2]string{sp.Name, sp.BIN}
	i, ok := index[key]
	if !ok {
		index[key] = len(list)
		sp.SponsorID = 0 // ids are each district's own
		return append(list, sp)
	}
	m := &list[i]
	m.Donations += sp.Donations
	m.MoneyTenge += sp.MoneyTenge
	m.InKindItems += sp.InKindItems
	m.InKindValueTenge += sp.InKindValueTenge
	m.PublicConsent = m.PublicConsent && sp.PublicConsent // named only if every office may name them
	return list
}

func emptySummary(like Summary) Summary {
	s := Summary{Campaign: like.Campaign, CampaignName: like.CampaignName, ChildrenByCategory: zeroCounts(),
		HelpedByCategory: zeroCounts(), ItemsByKind: map[string]int64{}, Appeals: AppealCounts{ByChannel: map[string]int{}}}
	for _, ch := range AppealChannels {
		s.Appeals.ByChannel[ch] = 0
	}
	return s
}

// addSummary adds b's figures to a. Children, the children helped and the
// sponsors are recounted by the caller, uniquely.
func addSummary(a *Summary, b Summary) {
	a.Sponsors += b.Sponsors
	a.Donations += b.Donations
	a.MoneyTenge += b.MoneyTenge
	a.InKindItems += b.InKindItems
	a.InKindValueTenge += b.InKindValueTenge
	a.Schools += b.Schools
	a.Children += b.Children
	a.Distributions += b.Distributions
	a.ItemsDistributed += b.ItemsDistributed
	a.ChildrenHelped += b.ChildrenHelped
	a.Letters += b.Letters
	addCounts(a.ChildrenByCategory, b.ChildrenByCategory)
	addCounts(a.HelpedByCategory, b.HelpedByCategory)
	addCounts(a.ItemsByKind, b.ItemsByKind)
	a.Appeals.Total += b.Appeals.Total
	a.Appeals.Resolved += b.Appeals.Resolved
	a.Appeals.Rejected += b.Appeals.Rejected
	a.Appeals.Open += b.Appeals.Open
	a.Appeals.Overdue += b.Appeals.Overdue
	addCounts(a.Appeals.ByChannel, b.Appeals.ByChannel)
}

func emptyCoverage(year int) CoverageFigures {
	return CoverageFigures{Campaign: year, ByReason: map[string]int{}, BySource: map[string]int{}, ByReasonPlaced: map[string]int{}}
}

func addCoverage(a *CoverageFigures, b CoverageFigures) {
	a.Found += b.Found
	a.Placed += b.Placed
	a.Open += b.Open
	a.Overdue += b.Overdue
	a.Referred += b.Referred
	addCounts(a.ByReason, b.ByReason)
	addCounts(a.BySource, b.BySource)
	addCounts(a.ByReasonPlaced, b.ByReasonPlaced)
}

// addCounts adds the counts of b to a's, key by key.
func addCounts[K comparable, N int | int64](a, b map[K]N) {
	for k, n := range b {
		a[k] += n
	}
}

package exchange

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
)

// Status is what the import does with a row.
type Status string

// Row statuses of a plan.
const (
	StatusNew       Status = "new"
	StatusUpdated   Status = "updated"
	StatusUnchanged Status = "unchanged"
	StatusDuplicate Status = "duplicate" // repeats an earlier row of the file
	StatusRejected  Status = "rejected"
)

// Options steer Preview.
type Options struct {
	Kind Kind
	// SchoolNumber puts every child of the list in that school (№); 0 reads
	// the school column, if any.
	SchoolNumber int
	// CampaignYear takes every donation of a sponsors' list; 0 puts each
	// in the campaign whose period holds its date.
	CampaignYear int
	Lang         string // kk (default) or ru, for the messages
	// Today dates the donations of a list without a date column, and is
	// the day IIN hints are checked against; zero is now.
	Today time.Time
}

func (o Options) today() time.Time {
	if o.Today.IsZero() {
		return data.Day(time.Now())
	}
	return data.Day(o.Today)
}

// PlanRow is one data row of the list and what the import does with it.
type PlanRow struct {
	Row         int // the spreadsheet's row number
	Status      Status
	DuplicateOf int            // the row it repeats, for StatusDuplicate
	Child       *data.Child    // for children lists, as it will be saved
	Sponsor     *data.Sponsor  // for sponsor lists
	Donation    *data.Donation // for sponsor lists with amounts; nil without
	Problems    []Problem
}

// Plan is the preview of an import: nothing is written until Commit.
type Plan struct {
	Kind   Kind
	Sheet  *Sheet
	Rows   []PlanRow
	schema int       // the store's schema when previewed
	notes  []Problem // the reader's notes of rows that are not data rows
}

// Summary counts a plan's rows; its JSON is the CLI's --json output.
type Summary struct {
	Rows       int       `json:"rows"`
	Imported   int       `json:"imported"`
	Updated    int       `json:"updated"`
	Unchanged  int       `json:"unchanged"`
	Rejected   int       `json:"rejected"`
	Duplicates int       `json:"duplicates"`
	Problems   []Problem `json:"problems"`
}

// Summary counts the plan's rows by status and lists every problem.
func (p *Plan) Summary() Summary {
	s := Summary{Rows: len(p.Rows), Problems: []Problem{}}
	for _, r := range p.Rows {
		switch r.Status {
		case StatusNew:
			s.Imported++
		case StatusUpdated:
			s.Updated++
		case StatusUnchanged:
			s.Unchanged++
		case StatusRejected:
			s.Rejected++
		case StatusDuplicate:
			s.Duplicates++
		}
		s.Problems = append(s.Problems, r.Problems...)
	}
	s.Problems = append(s.Problems, p.notes...)
	return s
}

// ErrMapping means a required column is not mapped.
var ErrMapping = errors.New("required columns are not mapped")

// Preview reads every row under the mapping, rejects the rows with
// problems, marks the rows that repeat an earlier one (same IIN; same BIN or
// name) and matches the rest against the database, writing nothing.
func Preview(ctx context.Context, st ImportStore, sh *Sheet, m Mapping, opt Options) (*Plan, error) {
	if miss := m.Missing(opt.Kind); len(miss) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrMapping, strings.Join(miss, ", "))
	}
	p := &rowParser{sh: sh, kind: opt.Kind, m: m, lang: opt.Lang, today: opt.today(), schools: map[int]int64{}}
	schools, err := st.FindSchools(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range schools {
		p.schools[sc.Number] = sc.ID
	}
	if opt.SchoolNumber != 0 {
		if p.school = p.schools[opt.SchoolNumber]; p.school == 0 {
			return nil, fmt.Errorf("school №%d: %w", opt.SchoolNumber, data.ErrNotFound)
		}
	}
	if p.campaigns, err = st.FindCampaigns(ctx); err != nil {
		return nil, err
	}
	if opt.CampaignYear != 0 {
		if p.campaign, err = st.FindCampaignByYear(ctx, opt.CampaignYear); err != nil {
			return nil, err
		}
	}
	plan := &Plan{Kind: opt.Kind, Sheet: sh}
	if plan.schema, err = st.Version(ctx); err != nil {
		return nil, err
	}
	notes, rest := noteProblems(sh, opt.Lang)
	plan.notes = rest
	seen := newDedup()
	for _, r := range sh.Rows {
		pr := PlanRow{Row: r.Number}
		var first int
		col := "iin"
		if opt.Kind == Sponsors {
			sp, d, probs := p.sponsor(r)
			pr.Sponsor, pr.Donation, pr.Problems, col = &sp, d, probs, "name"
			first = seen.sponsor(sp, d, r.Number)
		} else {
			c, probs := p.child(r)
			pr.Child, pr.Problems = &c, probs
			first = seen.child(c, r.Number)
		}
		pr.Problems = append(pr.Problems, notes[r.Number]...)
		switch {
		case first != 0:
			// A repeated row is matched, not doubled, whatever else it holds.
			pr.Status, pr.DuplicateOf = StatusDuplicate, first
			pr.Problems = []Problem{p.problem(r, col, KeyDuplicate, true, first)}
		case hasError(pr.Problems):
			pr.Status = StatusRejected
			seen.forget(r.Number)
		}
		plan.Rows = append(plan.Rows, pr)
	}
	outcomes, err := plan.save(ctx, st, data.ImportOptions{DryRun: true})
	if err != nil {
		return nil, err
	}
	plan.apply(outcomes)
	return plan, nil
}

// dedup finds rows that repeat an earlier row of the file: the same IIN
// for children; the same BIN, or the same name where one has no BIN, for
// sponsors.
type dedup struct {
	byKey  map[string]int
	byName map[string]nameSeen
}

type nameSeen struct {
	row int
	bin string
}

func newDedup() *dedup { return &dedup{byKey: map[string]int{}, byName: map[string]nameSeen{}} }

// child returns the earlier row with c's IIN, or 0 after noting c's row.
func (d *dedup) child(c data.Child, row int) int {
	if c.IIN == "" {
		return 0
	}
	if first, ok := d.byKey[string(c.IIN)]; ok {
		return first
	}
	d.byKey[string(c.IIN)] = row
	return 0
}

// sponsor returns the earlier row with the same sponsor and the same
// donation, or 0 after noting the row: a sponsor listed again with another
// donation is no repeat.
func (d *dedup) sponsor(sp data.Sponsor, don *data.Donation, row int) int {
	name := data.NormalizeSponsorName(sp.Name)
	if don != nil {
		suffix := fmt.Sprintf("|%d|%s|%d", don.CampaignID, don.DonatedOn.Format("2006-01-02"), don.MoneyTenge)
		name += suffix
		if sp.BIN != "" {
			sp.BIN += suffix
		}
	}
	if sp.BIN != "" {
		if first, ok := d.byKey[sp.BIN]; ok {
			return first
		}
	}
	if prev, ok := d.byName[name]; ok && name != "" && (prev.bin == "" || sp.BIN == "" || prev.bin == sp.BIN) {
		return prev.row
	}
	if sp.BIN != "" {
		d.byKey[sp.BIN] = row
	}
	if _, ok := d.byName[name]; !ok && name != "" {
		d.byName[name] = nameSeen{row, sp.BIN}
	}
	return 0
}

// forget drops a rejected row: a later row with its key is not its repeat.
func (d *dedup) forget(row int) {
	for k, r := range d.byKey {
		if r == row {
			delete(d.byKey, k)
		}
	}
	for k, n := range d.byName {
		if n.row == row {
			delete(d.byName, k)
		}
	}
}

// ErrStale means the database changed shape between Preview and Commit.
var ErrStale = errors.New("the database changed since the preview; preview again")

// Commit saves the plan's new and updated rows in one transaction: all or
// nothing. progress, if not nil, is called after each row with the count
// done. It returns the summary of what was saved, which equals the
// preview's unless someone changed the same records in between.
func Commit(ctx context.Context, st ImportStore, plan *Plan, progress func(done, total int)) (Summary, error) {
	if v, err := st.Version(ctx); err != nil || v != plan.schema {
		return Summary{}, ErrStale
	}
	outcomes, err := plan.save(ctx, st, data.ImportOptions{Progress: progress})
	if err != nil {
		return Summary{}, err
	}
	plan.apply(outcomes)
	return plan.Summary(), nil
}

// save hands the rows to import to the store and returns their outcomes,
// in the order of the rows that were sent.
func (p *Plan) save(ctx context.Context, st ImportStore, opt data.ImportOptions) ([]data.ImportOutcome, error) {
	if p.Kind == Sponsors {
		var rows []data.SponsorImport
		for _, r := range p.Rows {
			if importable(r.Status) {
				si := data.SponsorImport{Sponsor: *r.Sponsor}
				if r.Donation != nil {
					d := *r.Donation
					si.Donation = &d
				}
				rows = append(rows, si)
			}
		}
		return st.ImportSponsors(ctx, rows, opt)
	}
	var cs []data.Child
	for _, r := range p.Rows {
		if importable(r.Status) {
			cs = append(cs, *r.Child)
		}
	}
	return st.ImportChildren(ctx, cs, opt)
}

func importable(s Status) bool { return s != StatusRejected && s != StatusDuplicate }

func (p *Plan) apply(outcomes []data.ImportOutcome) {
	i := 0
	for j := range p.Rows {
		if !importable(p.Rows[j].Status) {
			continue
		}
		switch outcomes[i] {
		case data.ImportNew:
			p.Rows[j].Status = StatusNew
		case data.ImportUpdated:
			p.Rows[j].Status = StatusUpdated
		default:
			p.Rows[j].Status = StatusUnchanged
		}
		i++
	}
}

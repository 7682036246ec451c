package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Who found a child out of school.
const (
	SourceSchool    = "school"
	SourcePolice    = "police"    // the local police inspector
	SourceProbation = "probation" // the probation service
	SourceRaid      = "raid"      // a joint raid («Мектепке жол» рейді)
	SourceAppeal    = "appeal"    // a citizen's appeal
)

// CoverageSources lists the sources in display order.
var CoverageSources = []string{SourceSchool, SourcePolice, SourceProbation, SourceRaid, SourceAppeal}

// Why a child was out of school.
const (
	ReasonNoClothes  = "no_clothes" // no uniform or shoes
	ReasonHardship   = "hardship"   // family hardship
	ReasonLeftSchool = "left_school"
	ReasonMovedIn    = "moved_in" // moved in from elsewhere
	ReasonIllness    = "illness"
	ReasonDeviant    = "deviant"
	ReasonOther      = "other"
)

// CoverageReasons lists the reasons in display order.
var CoverageReasons = []string{ReasonNoClothes, ReasonHardship, ReasonLeftSchool, ReasonMovedIn, ReasonIllness,
	ReasonDeviant, ReasonOther}

// How a case ended.
const (
	OutcomeOpen         = "open"
	OutcomePlaced       = "placed"       // placed in a school
	OutcomePolice       = "police"       // referred to the police
	OutcomeGuardianship = "guardianship" // referred to the guardianship body
)

// CoverageOutcomes lists the outcomes in display order.
var CoverageOutcomes = []string{OutcomeOpen, OutcomePlaced, OutcomePolice, OutcomeGuardianship}

// CoverageCase is a school-age child found out of school, and what was done.
type CoverageCase struct {
	ID         int64
	CampaignID int64
	ChildID    int64 // 0: not in the children registry yet
	// ChildName, ChildIIN, BirthDate and Address describe a child not yet
	// registered; for a registered child they are filled when read.
	ChildName      string
	ChildIIN       string
	BirthDate      time.Time
	Address        string
	FoundOn        time.Time
	Source         string
	SourceSchoolID int64
	SourceName     string // the inspector, officer or citizen
	AppealID       int64
	Reason         string
	Action         string
	Outcome        string
	PlacedSchoolID int64
	PlacedOn       time.Time
	DueOn          time.Time // set from the settings' due days when zero
}

// Open tells whether the case waits for an outcome.
func (c CoverageCase) Open() bool { return c.Outcome == OutcomeOpen }

// Overdue tells whether the case is open past its due date on day.
func (c CoverageCase) Overdue(day time.Time) bool { return c.Open() && c.DueOn.Before(Day(day)) }

func (c *CoverageCase) validate() error {
	c.ChildName = strings.Join(strings.Fields(c.ChildName), " ")
	if c.Outcome == "" {
		c.Outcome = OutcomeOpen
	}
	switch {
	case c.CampaignID == 0:
		return invalid("campaign", "", "err.required")
	case c.ChildID == 0 && c.ChildName == "":
		return invalid("child", "", "err.required")
	case c.FoundOn.IsZero():
		return invalid("found_on", "", "err.required")
	case !oneOf(c.Source, CoverageSources):
		return invalid("source", c.Source, "err.coverage.source")
	case !oneOf(c.Reason, CoverageReasons):
		return invalid("reason", c.Reason, "err.coverage.reason")
	case !oneOf(c.Outcome, CoverageOutcomes):
		return invalid("outcome", c.Outcome, "err.coverage.outcome")
	case c.Outcome == OutcomePlaced && c.PlacedSchoolID == 0:
		return invalid("placed_school", "", "err.coverage.placed_school")
	case c.Outcome == OutcomePlaced && c.PlacedOn.IsZero():
		return invalid("placed_on", "", "err.coverage.placed_on")
	case !c.PlacedOn.IsZero() && c.PlacedOn.Before(c.FoundOn):
		return invalid("placed_on", dateText(c.PlacedOn), "err.coverage.placed_before_found")
	case c.Outcome != OutcomeOpen && strings.TrimSpace(c.Action) == "":
		return invalid("action", "", "err.coverage.action")
	}
	if c.ChildIIN != "" && c.ChildID == 0 {
		iin, err := ParseIIN(c.ChildIIN)
		if err != nil {
			return err
		}
		c.ChildIIN = string(iin)
	}
	if c.Outcome != OutcomePlaced {
		c.PlacedSchoolID, c.PlacedOn = 0, time.Time{}
	}
	return nil
}

// CreateCoverageCase registers a child found out of school.
func (s *Store) CreateCoverageCase(ctx context.Context, c *CoverageCase) error {
	if err := c.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createCoverageCase(ctx, tx, c) })
}

func (s *Store) createCoverageCase(ctx context.Context, tx *sql.Tx, c *CoverageCase) error {
	if c.DueOn.IsZero() {
		due, err := s.defaultDue(ctx, c.FoundOn)
		if err != nil {
			return err
		}
		c.DueOn = due
	}
	err := s.insertRow(ctx, tx, &c.ID, `INSERT INTO coverage_cases (campaign_id, child_id, child_name, child_iin,
		birth_date, address, found_on, source, source_school_id, source_name, appeal_id, reason, action, outcome,
		placed_school_id, placed_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.CampaignID, nullID(c.ChildID), c.ChildName, c.ChildIIN, nullDate(c.BirthDate), c.Address,
		dateText(c.FoundOn), c.Source, nullID(c.SourceSchoolID), c.SourceName, nullID(c.AppealID), c.Reason,
		c.Action, c.Outcome, nullID(c.PlacedSchoolID), nullDate(c.PlacedOn), dateText(c.DueOn))
	if err != nil {
		return fmt.Errorf("create coverage case: %w", mapConstraint(err))
	}
	return s.audit(ctx, tx, "coverage_cases", c.ID, "insert", nil, c)
}

// UpdateCoverageCase saves what was done about a case and its outcome.
func (s *Store) UpdateCoverageCase(ctx context.Context, c *CoverageCase) error {
	if err := c.validate(); err != nil {
		return err
	}
	if c.DueOn.IsZero() {
		return invalid("due_on", "", "err.required")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := findCoverageCases(ctx, tx, "cc.id = ?", c.ID)
		if err != nil {
			return err
		}
		if len(old) == 0 {
			return fmt.Errorf("coverage case #%d: %w", c.ID, ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE coverage_cases SET child_id = ?, child_name = ?, child_iin = ?,
			birth_date = ?, address = ?, found_on = ?, source = ?, source_school_id = ?, source_name = ?, appeal_id = ?,
			reason = ?, action = ?, outcome = ?, placed_school_id = ?, placed_on = ?, due_on = ? WHERE id = ?`,
			nullID(c.ChildID), c.ChildName, c.ChildIIN, nullDate(c.BirthDate), c.Address, dateText(c.FoundOn),
			c.Source, nullID(c.SourceSchoolID), c.SourceName, nullID(c.AppealID), c.Reason, c.Action, c.Outcome,
			nullID(c.PlacedSchoolID), nullDate(c.PlacedOn), dateText(c.DueOn), c.ID); err != nil {
			return fmt.Errorf("update coverage case #%d: %w", c.ID, mapConstraint(err))
		}
		return s.audit(ctx, tx, "coverage_cases", c.ID, "update", old[0], c)
	})
}

// CoverageFilter narrows the register.
type CoverageFilter struct {
	CampaignID int64
	Outcome    string
	Overdue    bool // open cases past their due date today
}

// FindCoverageCases lists the register, newest finds first.
func (s *Store) FindCoverageCases(ctx context.Context, f CoverageFilter) ([]CoverageCase, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.CampaignID != 0 {
		where, args = append(where, "cc.campaign_id = ?"), append(args, f.CampaignID)
	}
	if f.Outcome != "" {
		where, args = append(where, "cc.outcome = ?"), append(args, f.Outcome)
	}
	if f.Overdue {
		where, args = append(where, "cc.outcome = 'open' AND cc.due_on < ?"), append(args, dateText(s.Now()))
	}
	return findCoverageCases(ctx, s.db, strings.Join(where, " AND "), args...)
}

func findCoverageCases(ctx context.Context, q queryer, where string, args ...any) ([]CoverageCase, error) {
	rows, err := q.QueryContext(ctx, `SELECT cc.id, cc.campaign_id, COALESCE(cc.child_id, 0),
		COALESCE(c.surname || ' ' || c.name || CASE c.patronymic WHEN '' THEN '' ELSE ' ' || c.patronymic END, cc.child_name),
		COALESCE(c.iin, cc.child_iin), COALESCE(c.birth_date, cc.birth_date), COALESCE(c.address, cc.address),
		cc.found_on, cc.source, COALESCE(cc.source_school_id, 0), cc.source_name, COALESCE(cc.appeal_id, 0),
		cc.reason, cc.action, cc.outcome, COALESCE(cc.placed_school_id, 0), cc.placed_on, cc.due_on
		FROM coverage_cases cc LEFT JOIN children c ON c.id = cc.child_id
		WHERE `+where+` ORDER BY cc.found_on DESC, cc.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find coverage cases: %w", err)
	}
	defer rows.Close()
	var out []CoverageCase
	for rows.Next() {
		var c CoverageCase
		var birth, placed sql.NullString
		var found, due string
		if err := rows.Scan(&c.ID, &c.CampaignID, &c.ChildID, &c.ChildName, &c.ChildIIN, &birth, &c.Address,
			&found, &c.Source, &c.SourceSchoolID, &c.SourceName, &c.AppealID, &c.Reason, &c.Action, &c.Outcome,
			&c.PlacedSchoolID, &placed, &due); err != nil {
			return nil, err
		}
		c.BirthDate, c.PlacedOn = parseNullDate(birth), parseNullDate(placed)
		c.FoundOn, c.DueOn = parseDate(found), parseDate(due)
		out = append(out, c)
	}
	return out, rows.Err()
}

// CoverageFigures are the register's aggregates: no child is named. The
// JSON keys are an interface (`coverage --json`).
type CoverageFigures struct {
	Campaign int            `json:"campaign"`
	Found    int            `json:"found"`
	Placed   int            `json:"placed"`
	Open     int            `json:"open"`
	Overdue  int            `json:"overdue"`
	Referred int            `json:"referred"`
	ByReason map[string]int `json:"by_reason"`
	BySource map[string]int `json:"by_source"`
	// ByReasonPlaced counts the placed children by reason.
	ByReasonPlaced map[string]int `json:"by_reason_placed"`
}

// CoverageFigures counts a campaign's coverage cases.
func (s *Store) CoverageFigures(ctx context.Context, campaignID int64) (CoverageFigures, error) {
	c, err := s.FindCampaignByID(ctx, campaignID)
	if err != nil {
		return CoverageFigures{}, err
	}
	f := CoverageFigures{Campaign: c.Year, ByReason: map[string]int{}, BySource: map[string]int{}, ByReasonPlaced: map[string]int{}}
	for _, r := range CoverageReasons {
		f.ByReason[r], f.ByReasonPlaced[r] = 0, 0
	}
	for _, src := range CoverageSources {
		f.BySource[src] = 0
	}
	rows, err := s.db.QueryContext(ctx, `SELECT source, reason, outcome, due_on < ?, count(*) FROM coverage_cases
		WHERE campaign_id = ? GROUP BY 1, 2, 3, 4`, dateText(s.Now()), campaignID)
	if err != nil {
		return f, fmt.Errorf("coverage figures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var source, reason, outcome string
		var late bool
		var n int
		if err := rows.Scan(&source, &reason, &outcome, &late, &n); err != nil {
			return f, err
		}
		f.Found += n
		f.ByReason[reason] += n
		f.BySource[source] += n
		switch outcome {
		case OutcomeOpen:
			f.Open += n
			if late {
				f.Overdue += n
			}
		case OutcomePlaced:
			f.Placed += n
			f.ByReasonPlaced[reason] += n
		default:
			f.Referred += n
		}
	}
	return f, rows.Err()
}

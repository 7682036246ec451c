package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Appeal channels.
const (
	ChannelHotline    = "hotline"     // жедел желі
	ChannelTrustPhone = "trust_phone" // «сенім» телефоны
	ChannelReception  = "reception"   // қоғамдық қабылдау
	ChannelWritten    = "written"
	ChannelOnline     = "online"
)

// AppealChannels lists the channels in display order.
var AppealChannels = []string{ChannelHotline, ChannelTrustPhone, ChannelReception, ChannelWritten, ChannelOnline}

// Appeal statuses.
const (
	AppealNew        = "new"
	AppealInProgress = "in_progress"
	AppealResolved   = "resolved"
	AppealRejected   = "rejected"
)

// AppealStatuses lists the statuses in workflow order.
var AppealStatuses = []string{AppealNew, AppealInProgress, AppealResolved, AppealRejected}

// Appeal is a citizen's call or letter.
type Appeal struct {
	ID           int64
	CampaignID   int64
	RegNumber    string // assigned on save when empty
	ReceivedAt   time.Time
	Channel      string
	CitizenName  string
	CitizenPhone string
	Subject      string
	ChildID      int64
	AssignedTo   string
	DueOn        time.Time // set from the settings' due days when zero
	Status       string
	Resolution   string
	// Version, ChangedBy, ChangedAt: see Sponsor.
	Version   int64
	ChangedBy string
	ChangedAt time.Time
}

// Open tells whether the appeal still waits for an answer.
func (a Appeal) Open() bool { return a.Status == AppealNew || a.Status == AppealInProgress }

// Overdue tells whether the appeal is open past its due date on day.
func (a Appeal) Overdue(day time.Time) bool { return a.Open() && a.DueOn.Before(Day(day)) }

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}

func (a *Appeal) validate() error {
	a.Subject = strings.TrimSpace(a.Subject)
	if a.Status == "" {
		a.Status = AppealNew
	}
	switch {
	case a.CampaignID == 0:
		return invalid("campaign", "", "err.required")
	case a.ReceivedAt.IsZero():
		return invalid("received_at", "", "err.required")
	case !oneOf(a.Channel, AppealChannels):
		return invalid("channel", a.Channel, "err.appeal.channel")
	case !oneOf(a.Status, AppealStatuses):
		return invalid("status", a.Status, "err.appeal.status")
	case a.Subject == "":
		return invalid("subject", "", "err.required")
	case !a.DueOn.IsZero() && a.DueOn.Before(Day(a.ReceivedAt)):
		return invalid("due_on", dateText(a.DueOn), "err.appeal.due")
	case !a.Open() && strings.TrimSpace(a.Resolution) == "":
		return invalid("resolution", "", "err.appeal.resolution")
	}
	return nil
}

const appealColumns = `id, campaign_id, reg_number, received_at, channel, citizen_name, citizen_phone, subject,
	COALESCE(child_id, 0), assigned_to, due_on, status, resolution, version, changed_by, changed_at`

func scanAppeal(sc interface{ Scan(...any) error }) (Appeal, error) {
	var a Appeal
	var at, due, changed string
	err := sc.Scan(&a.ID, &a.CampaignID, &a.RegNumber, &at, &a.Channel, &a.CitizenName, &a.CitizenPhone,
		&a.Subject, &a.ChildID, &a.AssignedTo, &due, &a.Status, &a.Resolution, &a.Version, &a.ChangedBy, &changed)
	a.ReceivedAt, _ = time.Parse("2006-01-02 15:04", at)
	a.DueOn, a.ChangedAt = parseDate(due), parseStamp(changed)
	return a, err
}

// CreateAppeal registers an appeal, numbering it and setting its due date
// when they are not given.
func (s *Store) CreateAppeal(ctx context.Context, a *Appeal) error {
	if err := a.validate(); err != nil {
		return err
	}
	// A retried transaction starts again from what the caller gave: a
	// number or due day assigned by a refused run is not kept (another
	// clerk's call may have taken that number meanwhile).
	given := *a
	return s.inTxLocked(ctx, numbersLock("appeals", a.CampaignID), func(tx *sql.Tx) error {
		*a = given
		return s.createAppeal(ctx, tx, a)
	})
}

func (s *Store) createAppeal(ctx context.Context, tx *sql.Tx, a *Appeal) error {
	if a.DueOn.IsZero() {
		due, err := s.defaultDue(ctx, a.ReceivedAt)
		if err != nil {
			return err
		}
		a.DueOn = due
	}
	if a.RegNumber == "" {
		// numbered in the campaign's year: a call entered later among the
		// 2019 campaign's is 2019-00xx, whatever the computer's clock says
		var n, year int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) + 1 FROM appeals WHERE campaign_id = ?),
			COALESCE((SELECT year FROM campaigns WHERE id = ?), ?)`, a.CampaignID, a.CampaignID, a.ReceivedAt.Year()).Scan(&n, &year); err != nil {
			return err
		}
		a.RegNumber = fmt.Sprintf("%d-%04d", year, n)
		for {
			var taken bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM appeals WHERE reg_number = ?)`, a.RegNumber).Scan(&taken); err != nil || !taken {
				break
			}
			n++
			a.RegNumber = fmt.Sprintf("%d-%04d", year, n)
		}
	}
	at, now := s.stamp()
	a.Version, a.ChangedBy, a.ChangedAt = 1, s.actor, now
	err := s.insertRow(ctx, tx, &a.ID, `INSERT INTO appeals (campaign_id, reg_number, received_at, channel, citizen_name,
		citizen_phone, subject, child_id, assigned_to, due_on, status, resolution, version, changed_by, changed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.CampaignID, a.RegNumber,
		a.ReceivedAt.Format("2006-01-02 15:04"), a.Channel, a.CitizenName, a.CitizenPhone, a.Subject, nullID(a.ChildID),
		a.AssignedTo, dateText(a.DueOn), a.Status, a.Resolution, a.Version, a.ChangedBy, at)
	if err != nil {
		return fmt.Errorf("create appeal %s: %w", a.RegNumber, mapConstraint(err))
	}
	return s.audit(ctx, tx, "appeals", a.ID, "insert", nil, a)
}

// defaultDue is the due date of something received on day: the settings'
// appeal due days later.
func (s *Store) defaultDue(ctx context.Context, day time.Time) (time.Time, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return Day(day).AddDate(0, 0, st.AppealDueDays), nil
}

// UpdateAppeal saves changes to an appeal (its status and resolution).
// a.Version must be the version loaded (see UpdateSponsor).
func (s *Store) UpdateAppeal(ctx context.Context, a *Appeal) error {
	if err := a.validate(); err != nil {
		return err
	}
	if a.DueOn.IsZero() {
		return invalid("due_on", "", "err.required")
	}
	saved := *a
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		*a = saved // a retried transaction starts again from the caller's appeal
		return s.updateAppeal(ctx, tx, a)
	})
	if err != nil {
		*a = saved
	}
	return err
}

func (s *Store) updateAppeal(ctx context.Context, tx *sql.Tx, a *Appeal) error {
	old, err := scanAppeal(tx.QueryRowContext(ctx, `SELECT `+appealColumns+` FROM appeals WHERE id = ?`, a.ID))
	if err != nil {
		return notFound(err, "appeal", a.ID)
	}
	at, now := s.stamp()
	res, err := tx.ExecContext(ctx, `UPDATE appeals SET reg_number = ?, received_at = ?, channel = ?,
		citizen_name = ?, citizen_phone = ?, subject = ?, child_id = ?, assigned_to = ?, due_on = ?, status = ?,
		resolution = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ? AND version = ?`,
		a.RegNumber, a.ReceivedAt.Format("2006-01-02 15:04"), a.Channel, a.CitizenName, a.CitizenPhone, a.Subject,
		nullID(a.ChildID), a.AssignedTo, dateText(a.DueOn), a.Status, a.Resolution, s.actor, at, a.ID, a.Version)
	if err != nil {
		return fmt.Errorf("update appeal %s: %w", a.RegNumber, mapConstraint(err))
	}
	if err := s.updated(ctx, tx, res, "appeals", a.ID, now, versioned{&a.Version, &a.ChangedBy, &a.ChangedAt}); err != nil {
		return err
	}
	return s.audit(ctx, tx, "appeals", a.ID, "update", old, a)
}

// FindAppealByID returns an appeal, or ErrNotFound.
func (s *Store) FindAppealByID(ctx context.Context, id int64) (Appeal, error) {
	a, err := scanAppeal(s.db.QueryRowContext(ctx, `SELECT `+appealColumns+` FROM appeals WHERE id = ?`, id))
	if err != nil {
		return a, notFound(err, "appeal", id)
	}
	return a, nil
}

// AppealFilter narrows a list of appeals.
type AppealFilter struct {
	CampaignID int64
	Status     string
	Channel    string
	// Overdue keeps the open appeals past their due date today.
	Overdue bool
}

// FindAppeals lists appeals, newest first.
func (s *Store) FindAppeals(ctx context.Context, f AppealFilter) ([]Appeal, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.CampaignID != 0 {
		where, args = append(where, "campaign_id = ?"), append(args, f.CampaignID)
	}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, f.Channel)
	}
	if f.Overdue {
		where = append(where, "status IN ('new', 'in_progress') AND due_on < ?")
		args = append(args, dateText(s.Now()))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+appealColumns+` FROM appeals WHERE `+strings.Join(where, " AND ")+`
		ORDER BY received_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find appeals: %w", err)
	}
	defer rows.Close()
	var out []Appeal
	for rows.Next() {
		a, err := scanAppeal(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Kinds of campaign events.
const (
	EventLaunch          = "launch"
	EventHandover        = "handover" // a gift handover ceremony
	EventPressConference = "press_conference"
	EventHotline         = "hotline" // hotline hours
	EventOther           = "other"
)

// EventKinds lists the kinds in display order.
var EventKinds = []string{EventLaunch, EventHandover, EventPressConference, EventHotline, EventOther}

// Event participants, as the press release names them.
const (
	PartMaslikhat  = "maslikhat"
	PartDepartment = "department"
	PartPolice     = "police"
	PartProbation  = "probation"
	PartSchools    = "schools"
	PartSponsors   = "sponsors"
)

// EventParticipants lists the participants in the press release's order.
var EventParticipants = []string{PartMaslikhat, PartDepartment, PartPolice, PartProbation, PartSchools, PartSponsors}

// Event is one of a campaign's events.
type Event struct {
	ID           int64
	CampaignID   int64
	Kind         string
	HeldOn       time.Time
	TimeText     string // «10:00», «09:00–18:00»
	TitleKK      string
	TitleRU      string
	Place        string
	PlaceRU      string // the place in Russian documents; empty: Place, a proper name
	SchoolID     int64
	Participants []string
	Note         string
}

// PlaceIn returns where the event is held, in lang (kk or ru).
func (e Event) PlaceIn(lang string) string {
	if lang == "ru" && e.PlaceRU != "" {
		return e.PlaceRU
	}
	return e.Place
}

// Title returns the event's title in lang (kk or ru).
func (e Event) Title(lang string) string {
	if lang == "ru" {
		return e.TitleRU
	}
	return e.TitleKK
}

func (e *Event) validate() error {
	e.TitleKK, e.TitleRU = strings.TrimSpace(e.TitleKK), strings.TrimSpace(e.TitleRU)
	switch {
	case e.CampaignID == 0:
		return invalid("campaign", "", "err.required")
	case !oneOf(e.Kind, EventKinds):
		return invalid("kind", e.Kind, "err.event.kind")
	case e.HeldOn.IsZero():
		return invalid("held_on", "", "err.required")
	case e.TitleKK == "":
		return invalid("title_kk", "", "err.required")
	}
	if e.TitleRU == "" {
		e.TitleRU = e.TitleKK
	}
	for _, p := range e.Participants {
		if !oneOf(p, EventParticipants) {
			return invalid("participants", p, "err.event.participant")
		}
	}
	return nil
}

// CreateEvent saves a campaign event.
func (s *Store) CreateEvent(ctx context.Context, e *Event) error {
	if err := s.require(RoleHead); err != nil {
		return fmt.Errorf("create event: %w", err)
	}
	if err := e.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createEvent(ctx, tx, e) })
}

func (s *Store) createEvent(ctx context.Context, tx *sql.Tx, e *Event) error {
	err := s.insertRow(ctx, tx, &e.ID, `INSERT INTO campaign_events (campaign_id, kind, held_on, time_text, title_kk,
		title_ru, place, school_id, participants, note, place_ru) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.CampaignID, e.Kind,
		dateText(e.HeldOn), e.TimeText, e.TitleKK, e.TitleRU, e.Place, nullID(e.SchoolID),
		strings.Join(e.Participants, ","), e.Note, e.PlaceRU)
	if err != nil {
		return fmt.Errorf("create event %q: %w", e.TitleKK, mapConstraint(err))
	}
	return s.audit(ctx, tx, "campaign_events", e.ID, "insert", nil, e)
}

// UpdateEvent saves changes to an event.
func (s *Store) UpdateEvent(ctx context.Context, e *Event) error {
	if err := s.require(RoleHead); err != nil {
		return fmt.Errorf("update event: %w", err)
	}
	if err := e.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE campaign_events SET kind = ?, held_on = ?, time_text = ?, title_kk = ?,
			title_ru = ?, place = ?, school_id = ?, participants = ?, note = ?, place_ru = ? WHERE id = ?`, e.Kind,
			dateText(e.HeldOn), e.TimeText, e.TitleKK, e.TitleRU, e.Place, nullID(e.SchoolID),
			strings.Join(e.Participants, ","), e.Note, e.PlaceRU, e.ID)
		if err != nil {
			return fmt.Errorf("update event #%d: %w", e.ID, mapConstraint(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("event #%d: %w", e.ID, ErrNotFound)
		}
		return s.audit(ctx, tx, "campaign_events", e.ID, "update", nil, e)
	})
}

// DeleteEvent removes an event.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	if err := s.require(RoleHead); err != nil {
		return fmt.Errorf("delete event: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := findEvents(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if len(old) == 0 {
			return fmt.Errorf("event #%d: %w", id, ErrNotFound)
		}
		return s.deleteRow(ctx, tx, "campaign_events", id, old[0])
	})
}

// FindEvents returns a campaign's events in date order.
func (s *Store) FindEvents(ctx context.Context, campaignID int64) ([]Event, error) {
	return findEvents(ctx, s.db, "campaign_id = ?", campaignID)
}

func findEvents(ctx context.Context, q queryer, where string, args ...any) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, campaign_id, kind, held_on, time_text, title_kk, title_ru, place,
		COALESCE(school_id, 0), participants, note, place_ru FROM campaign_events WHERE `+where+` ORDER BY held_on, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var on, parts string
		if err := rows.Scan(&e.ID, &e.CampaignID, &e.Kind, &on, &e.TimeText, &e.TitleKK, &e.TitleRU, &e.Place,
			&e.SchoolID, &parts, &e.Note, &e.PlaceRU); err != nil {
			return nil, err
		}
		e.HeldOn = parseDate(on)
		if parts != "" {
			e.Participants = strings.Split(parts, ",")
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

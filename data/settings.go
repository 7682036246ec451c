package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Settings are the office's own details and the app's preferences.
type Settings struct {
	DepartmentKK  string   `json:"department_kk"`
	DepartmentRU  string   `json:"department_ru"`
	CityKK        string   `json:"city_kk"`
	CityRU        string   `json:"city_ru"`
	HeadName      string   `json:"head_name"`
	HeadTitleKK   string   `json:"head_title_kk"`
	HeadTitleRU   string   `json:"head_title_ru"`
	HotlinePhones []string `json:"hotline_phones"`
	Language      string   `json:"language"`
	AppealDueDays int      `json:"appeal_due_days"`
	// Extra holds settings of later features (letter templates, blank
	// offsets, window size …) by key, as JSON text.
	Extra map[string]string `json:"extra,omitempty"`
}

// DefaultSettings are used until the office saves its own.
func DefaultSettings() Settings {
	return Settings{
		DepartmentKK:  "Қарағанды облысы білім басқармасының Қарағанды қаласы білім бөлімі",
		DepartmentRU:  "Отдел образования города Караганды управления образования Карагандинской области",
		CityKK:        "Қарағанды",
		CityRU:        "Караганда",
		HeadTitleKK:   "Бөлім басшысы",
		HeadTitleRU:   "Руководитель отдела",
		Language:      "kk",
		AppealDueDays: 10,
		Extra:         map[string]string{},
	}
}

func (st *Settings) validate() error {
	if st.Language != "kk" && st.Language != "ru" {
		return invalid("language", st.Language, "err.settings.language")
	}
	if st.AppealDueDays < 1 || st.AppealDueDays > 90 {
		return invalid("appeal_due_days", fmt.Sprint(st.AppealDueDays), "err.settings.due_days")
	}
	return nil
}

// Settings returns the saved settings over the defaults.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	st := DefaultSettings()
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'office'`).Scan(&raw)
	if err == sql.ErrNoRows {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("load settings: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		return DefaultSettings(), fmt.Errorf("read settings: %w", err)
	}
	if st.Extra == nil {
		st.Extra = map[string]string{}
	}
	return st, nil
}

// SaveSettings validates and saves the settings.
func (s *Store) SaveSettings(ctx context.Context, st Settings) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	if err := st.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.saveSettings(ctx, tx, st) })
}

func (s *Store) saveSettings(ctx context.Context, tx *sql.Tx, st Settings) error {
	var old sql.NullString
	_ = tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'office'`).Scan(&old)
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('office', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(b)); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	var prev any
	if old.Valid {
		prev = json.RawMessage(old.String)
	}
	return s.audit(ctx, tx, "settings", 0, "update", prev, st)
}

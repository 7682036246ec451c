package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// unreadDocs are documents whose letter template cannot be read, as when
// the database fails under the settings screen.
type unreadDocs struct{ Documents }

func (unreadDocs) LetterTemplate(context.Context) (LetterTemplate, error) {
	return LetterTemplate{}, errors.New("disk I/O error")
}

// TestLetterSettingsNotReadCannotSave: a template that could not be read
// says why and leaves Save off, so its empty fields cannot go over the
// office's own texts.
func TestLetterSettingsNotReadCannotSave(t *testing.T) {
	u, _ := newTestUI(t)
	u.docs = unreadDocs{}
	l := newLetterSettings(u)
	l.buildUI()
	if !l.save.Disabled() {
		t.Fatal("Save is on over a letter template that was not read")
	}
	if msg := overlayText(u.win); !strings.Contains(msg, "disk I/O error") {
		t.Fatalf("the error is not said: %q", msg)
	}
}

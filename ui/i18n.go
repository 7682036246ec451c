package ui

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
)

var (
	langMu  sync.Mutex
	curLang = "kk"
)

// setLanguage makes code (kk or ru) the language of every lang.L call.
// Fyne picks its language from the OS locale only, which an office machine
// often has as en_US or ru_RU whatever the clerk reads, so the app sets
// the locale variables Fyne reads and reloads its translations.
func setLanguage(code string) {
	if code != "ru" {
		code = "kk"
	}
	langMu.Lock()
	defer langMu.Unlock()
	os.Setenv("LANGUAGE", code)
	os.Setenv("LC_ALL", code)
	b, err := assets.Translation(code)
	if err != nil {
		fyne.LogError("load translation "+code, err)
		return
	}
	// Windows (and macOS) report the locale through the OS, not the
	// environment: the chosen language is also registered under the OS
	// locale and under Fyne's English fallback, so whichever Fyne picks
	// holds the clerk's language.
	for _, loc := range []fyne.Locale{fyne.Locale(code), lang.SystemLocale(), "en"} {
		if err := lang.AddTranslationsForLocale(b, loc); err != nil {
			fyne.LogError("load translation "+code+" as "+string(loc), err)
		}
	}
	curLang = code
}

// language returns the language in use: kk or ru.
func language() string {
	langMu.Lock()
	defer langMu.Unlock()
	return curLang
}

var fieldIndex = regexp.MustCompile(`\[(\d+)\]`)

// fieldName names a store's field in the clerk's language: «items[2].quantity»
// becomes «Саны (2-жол)».
func fieldName(field string) string {
	row := ""
	if m := fieldIndex.FindStringSubmatch(field); m != nil {
		row = m[1]
	}
	key := "field." + fieldIndex.ReplaceAllString(field, "")
	name := lang.L(key)
	if row != "" {
		name += " " + lang.L("field.row", map[string]any{"Row": row})
	}
	return name
}

// errorText turns a store error into a sentence for the clerk, naming the
// field of a validation error.
func errorText(err error) string {
	var ve *data.ValidationError
	var dc *data.DistributionConflict
	var se *data.StaleError
	switch {
	case errors.As(err, &se):
		return staleText(se)
	case errors.As(err, &ve):
		msg := fmt.Sprintf("%s: %s", fieldName(ve.Field), lang.L(ve.Key))
		if strings.TrimSpace(ve.Value) != "" {
			msg += fmt.Sprintf(" («%s»)", ve.Value)
		}
		return msg
	case errors.As(err, &dc):
		return conflictText(dc)
	case errors.Is(err, data.ErrConflict):
		return lang.L("err.conflict")
	case errors.Is(err, data.ErrNotFound):
		return lang.L("err.not_found")
	case errors.Is(err, data.ErrDiskFull):
		return lang.L("err.disk_full")
	case errors.Is(err, data.ErrUnsafeOutput):
		return lang.L("err.unsafe_output")
	case errors.Is(err, data.ErrForbidden):
		return lang.L("err.forbidden")
	case errors.Is(err, data.ErrNewerSchema):
		return lang.L("err.newer_schema")
	case errors.Is(err, data.ErrRestoreOnServer):
		return lang.L("err.restore_server")
	case errors.Is(err, data.ErrCutBackup):
		return lang.L("err.cut_backup")
	case errors.Is(err, data.ErrNoBackupKey):
		return lang.L("err.no_backup_key")
	case errors.Is(err, data.ErrWrongPassphrase):
		return lang.L("err.wrong_passphrase")
	case errors.Is(err, data.ErrEncryptedBackup):
		return lang.L("err.encrypted_backup")
	case errors.Is(err, data.ErrWeakPassphrase):
		return lang.L("err.weak_passphrase")
	case data.IsUnreachable(err):
		return lang.L("login.unreachable") + "\n" + lang.L("err.server_lost")
	}
	return lang.L("err.unexpected") + "\n" + err.Error()
}

// conflictText says what stopped a distribution: items already given,
// stock that would go below zero, or both.
func conflictText(dc *data.DistributionConflict) string {
	var parts []string
	if n := len(dc.Duplicates); n > 0 {
		parts = append(parts, tn("dist.conflict_dups", int64(n), nil))
	}
	if n := len(dc.Shortages); n > 0 {
		parts = append(parts, tn("dist.conflict_short", int64(n), nil))
	}
	return strings.Join(parts, " ")
}

// showError shows err in a dialog in the clerk's language and logs it.
func showError(w fyne.Window, err error) {
	fyne.LogError("shown to the clerk", err)
	dialogError(w, errorText(err))
}

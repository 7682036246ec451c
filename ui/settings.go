package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// settingsScreen edits the office's details and the app's language.
type settingsScreen struct {
	u     *App
	state formState

	deptKK, deptRU, cityKK, cityRU, head *lineEntry
	titleKK, titleRU, phones, dueDays    *lineEntry
	language                             *widget.RadioGroup
	langs                                choice
	dbPath                               *widget.Label
	backup                               *backupPanel // ui/settings_backup.go
}

func newSettingsScreen(u *App) *settingsScreen {
	s := &settingsScreen{u: u, dbPath: widget.NewLabel("")}
	entries := []**lineEntry{&s.deptKK, &s.deptRU, &s.cityKK, &s.cityRU, &s.head, &s.titleKK, &s.titleRU, &s.phones, &s.dueDays}
	for _, e := range entries {
		*e = newLineEntry()
	}
	s.state.track(s.deptKK, s.deptRU, s.cityKK, s.cityRU, s.head, s.titleKK, s.titleRU, s.phones, s.dueDays)
	s.langs = newChoice([]string{"kk", "ru"}, func(c string) string { return lang.L("lang." + c) })
	s.language = widget.NewRadioGroup(s.langs.labels, func(string) {
		switch {
		case s.state.filling:
		case !u.may(data.RoleAdmin):
			s.setOwnLanguage(s.langs.code(s.language.Selected))
		default:
			s.onLanguageChanged(s.langs.code(s.language.Selected))
		}
	})
	s.language.Horizontal = true
	s.dbPath.Wrapping = fyne.TextWrapBreak
	s.backup = newBackupPanel(u, &s.state)
	return s
}

func (s *settingsScreen) buildUI() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSaveTapped)
	save.Importance = widget.HighImportance
	office := widget.NewForm(
		widget.NewFormItem(lang.L("field.department_kk"), s.deptKK),
		widget.NewFormItem(lang.L("field.department_ru"), s.deptRU),
		widget.NewFormItem(lang.L("field.city_kk"), s.cityKK),
		widget.NewFormItem(lang.L("field.city_ru"), s.cityRU),
		widget.NewFormItem(lang.L("field.head_name"), s.head),
		widget.NewFormItem(lang.L("field.head_title_kk"), s.titleKK),
		widget.NewFormItem(lang.L("field.head_title_ru"), s.titleRU),
		widget.NewFormItem(lang.L("field.hotline_phones"), s.phones),
		widget.NewFormItem(lang.L("field.appeal_due_days"), s.dueDays))
	app := widget.NewForm(
		widget.NewFormItem(lang.L("field.language"), s.language),
		widget.NewFormItem(lang.L("field.database"), s.dbPath))
	hint := widget.NewLabel(lang.L("settings.db_hint", map[string]any{"Env": data.EnvDB}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	// one Save per card: the office's details here, the backup's in its
	// card; the language applies as soon as it is chosen
	return newFormScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("", lang.L("settings.office"), container.NewVBox(office,
			container.NewHBox(save, s.u.guard(data.RoleAdmin, save)))),
		widget.NewCard("", lang.L("settings.app"), container.NewVBox(app, hint)),
		s.backup.buildUI(s.onSaveTapped),
		newServerPanel(s.u).buildUI(),      // ui/settings_server.go
		newUsersPanel(s.u).buildUI(),       // ui/settings_users.go
		newRetentionPanel(s.u).buildUI(),   // ui/settings_retention.go
		newAuditCard(s.u),                  // ui/audit.go
		newLetterSettings(s.u).buildUI()))) // ui/settings_letters.go
}

func (s *settingsScreen) refresh() {
	st, err := s.u.st.Settings(s.u.ctx)
	if err != nil {
		showError(s.u.win, err)
		return
	}
	s.state.fill(func() {
		s.deptKK.SetText(st.DepartmentKK)
		s.deptRU.SetText(st.DepartmentRU)
		s.cityKK.SetText(st.CityKK)
		s.cityRU.SetText(st.CityRU)
		s.head.SetText(st.HeadName)
		s.titleKK.SetText(st.HeadTitleKK)
		s.titleRU.SetText(st.HeadTitleRU)
		s.phones.SetText(strings.Join(st.HotlinePhones, ", "))
		s.dueDays.SetText(strconv.Itoa(st.AppealDueDays))
		s.language.SetSelected(s.langs.label(s.u.settings.Language)) // the language in use
		s.dbPath.SetText(s.u.st.Path())
		s.backup.fill(st)
	})
}

func (s *settingsScreen) onSaveTapped() {
	st, err := s.u.st.Settings(s.u.ctx)
	if err != nil {
		showError(s.u.win, err)
		return
	}
	st.DepartmentKK, st.DepartmentRU, st.CityKK, st.CityRU = s.deptKK.Text, s.deptRU.Text, s.cityKK.Text, s.cityRU.Text
	st.HeadName, st.HeadTitleKK, st.HeadTitleRU = s.head.Text, s.titleKK.Text, s.titleRU.Text
	st.HotlinePhones = nil
	for _, p := range strings.Split(s.phones.Text, ",") {
		if p = strings.TrimSpace(p); p != "" {
			st.HotlinePhones = append(st.HotlinePhones, p)
		}
	}
	days, ok := parseInt(s.dueDays.Text)
	if !ok {
		showError(s.u.win, &data.ValidationError{Field: "appeal_due_days", Value: s.dueDays.Text, Key: "err.settings.due_days"})
		return
	}
	st.AppealDueDays = int(days)
	st.Language = s.langs.code(s.language.Selected)
	if err := s.backup.apply(&st); err != nil {
		showError(s.u.win, err)
		return
	}
	if err := s.u.st.SaveSettings(s.u.ctx, st); err != nil {
		showError(s.u.win, err)
		return
	}
	s.state.dirty = false
	s.u.applySettings(st)
}

func (s *settingsScreen) unsaved() bool { return s.state.dirty }

// onLanguageChanged saves the office's language at once and shows every
// screen in it; changes typed into the office's fields are asked about
// first, since the screens are built again.
func (s *settingsScreen) onLanguageChanged(code string) {
	if code == "" || code == s.u.settings.Language {
		return
	}
	apply := func() {
		st, err := s.u.st.Settings(s.u.ctx)
		if err == nil {
			st.Language = code
			err = s.u.st.SaveSettings(s.u.ctx, st)
		}
		if err != nil {
			showError(s.u.win, err)
			return
		}
		s.state.dirty = false
		s.u.applySettings(st)
	}
	s.u.whenClean(s.state.dirty, apply)
}

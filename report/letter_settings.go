package report

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/mektepkezhol/app/data"
)

// LetterTemplateKey is the key of the letter settings in data.Settings.Extra.
const LetterTemplateKey = "letter_template"

// LetterTemplate is the editable wording and the printing settings of the
// Алғыс хат. Texts may hold placeholders: {{sponsor}}, {{campaign}},
// {{year}}, {{contribution}}, {{reach}}, {{department}}, {{city}},
// {{number}}, {{date}}. An empty text falls back to the default wording.
type LetterTemplate struct {
	BodyKK   string `json:"body_kk,omitempty"`
	BodyRU   string `json:"body_ru,omitempty"`
	WishesKK string `json:"wishes_kk,omitempty"`
	WishesRU string `json:"wishes_ru,omitempty"`
	// ShowContribution names what was given ("30 дана рюкзак", money in
	// figures and in words); ShowReach adds what the goods achieved.
	ShowContribution bool `json:"show_contribution"`
	ShowReach        bool `json:"show_reach"`
	// BlankOffsetXmm and BlankOffsetYmm shift the text printed on a
	// pre-printed blank, in millimetres (positive: right, down).
	BlankOffsetXmm float64 `json:"blank_offset_x_mm"`
	BlankOffsetYmm float64 `json:"blank_offset_y_mm"`
	// SignatureImage and StampImage are optional PNG/JPEG files printed
	// over the signature line.
	SignatureImage string `json:"signature_image,omitempty"`
	StampImage     string `json:"stamp_image,omitempty"`
}

// Default wording of the letter (see the domain notes).
const (
	DefaultBodyKK = "{{department}} «{{campaign}}» республикалық қайырымдылық акциясына қолдау көрсетіп, " +
		"әлеуметтік осал санаттағы отбасылардың балаларын жаңа оқу жылына дайындауға қосқан үлесіңіз үшін " +
		"Сізге шынайы алғысын білдіреді."
	DefaultBodyRU = "{{department}} выражает Вам искреннюю благодарность за поддержку республиканской " +
		"благотворительной акции «{{campaign}}» и вклад в подготовку детей из социально уязвимых семей " +
		"к новому учебному году."
	DefaultWishesKK = "Сізге зор денсаулық, отбасыңызға береке, игі істеріңізге табыс тілейміз!"
	DefaultWishesRU = "Желаем Вам крепкого здоровья, благополучия и успехов в добрых делах!"
)

// DefaultLetterTemplate is the template until the office edits it.
func DefaultLetterTemplate() LetterTemplate {
	return LetterTemplate{BodyKK: DefaultBodyKK, BodyRU: DefaultBodyRU, WishesKK: DefaultWishesKK,
		WishesRU: DefaultWishesRU, ShowContribution: true, ShowReach: true}
}

// LoadLetterTemplate reads the letter template from the settings, over the
// defaults.
func LoadLetterTemplate(st data.Settings) (LetterTemplate, error) {
	t := DefaultLetterTemplate()
	raw, ok := st.Extra[LetterTemplateKey]
	if !ok || raw == "" {
		return t, nil
	}
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return DefaultLetterTemplate(), fmt.Errorf("read letter template settings: %w", err)
	}
	t.fillDefaults()
	return t, t.Validate()
}

// SaveLetterTemplate stores t into the settings' Extra map; the caller then
// saves the settings with data.Store.SaveSettings.
func SaveLetterTemplate(st *data.Settings, t LetterTemplate) error {
	if err := t.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if st.Extra == nil {
		st.Extra = map[string]string{}
	}
	st.Extra[LetterTemplateKey] = string(b)
	return nil
}

func (t *LetterTemplate) fillDefaults() {
	d := DefaultLetterTemplate()
	for _, p := range []struct {
		v   *string
		def string
	}{
		{&t.BodyKK, d.BodyKK}, {&t.BodyRU, d.BodyRU}, {&t.WishesKK, d.WishesKK}, {&t.WishesRU, d.WishesRU},
	} {
		if *p.v == "" {
			*p.v = p.def
		}
	}
}

// maxBlankOffset bounds the blank offsets: a larger shift means a wrong
// setting, not a printer's margin.
const maxBlankOffset = 50

// Validate checks the offsets and the placeholders of the texts.
func (t LetterTemplate) Validate() error {
	for _, o := range []struct {
		field string
		v     float64
	}{{"blank_offset_x_mm", t.BlankOffsetXmm}, {"blank_offset_y_mm", t.BlankOffsetYmm}} {
		if math.IsNaN(o.v) || math.Abs(o.v) > maxBlankOffset {
			return &data.ValidationError{Field: o.field, Value: fmt.Sprint(o.v), Key: "err.letter.offset"}
		}
	}
	for _, f := range []struct{ field, text string }{
		{"body_kk", t.BodyKK}, {"body_ru", t.BodyRU}, {"wishes_kk", t.WishesKK}, {"wishes_ru", t.WishesRU},
	} {
		if bad := unknownPlaceholder(f.text); bad != "" {
			return &data.ValidationError{Field: f.field, Value: bad, Key: "err.letter.placeholder"}
		}
	}
	return nil
}

// collectiveWording is the default wording spoken to a collective, in the
// plural throughout (Сіздерге, ұжымыңызға; Вашему коллективу).
var collectiveWording = map[string]string{
	DefaultBodyKK: "{{department}} «{{campaign}}» республикалық қайырымдылық акциясына қолдау көрсетіп, " +
		"әлеуметтік осал санаттағы отбасылардың балаларын жаңа оқу жылына дайындауға қосқан үлестеріңіз үшін " +
		"Сіздерге шынайы алғысын білдіреді.",
	DefaultWishesKK: "Сіздерге зор денсаулық, ұжымыңызға береке, игі істеріңізге табыс тілейміз!",
	DefaultWishesRU: "Желаем Вашему коллективу крепкого здоровья, благополучия и успехов в добрых делах!",
}

// collective turns the default wording for one person into the wording
// for a collective; an office's own wording is kept as written.
func collective(text string) string {
	if c, ok := collectiveWording[text]; ok {
		return c
	}
	return text
}

package web

import (
	"sync"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	xcatalog "golang.org/x/text/message/catalog"
)

// Every string is looked up and formatted by golang.org/x/text/message,
// which chooses a plural form by the CLDR rules of the language ("1
// complete response", "2 complete responses"; Persian has one form after a
// number). The texts themselves stay in the Go maps of the i18n_*.go
// files, loaded into two catalogs on first use: the respondent pages see
// only their own strings, the workspace sees its strings over those.

// pluralForms is a message that depends on a count: Arg is the 1-based
// argument holding it, Cases alternates CLDR case ("one", "other", "=0")
// and message.
type pluralForms struct {
	Arg   int
	Cases []string
}

// pluralCatalog holds the workspace messages with counts. A test checks
// both languages have the same keys and no key is also a plain string.
var pluralCatalog = map[string]map[string]pluralForms{
	"en": {
		"password_hint":          {1, []string{"one", "At least %d character.", "other", "At least %d characters."}},
		"n_found":                {1, []string{"one", "%d response", "other", "%d responses"}},
		"n_complete":             {1, []string{"other", "%d complete"}},
		"n_answered":             {1, []string{"other", "%d answered"}},
		"an_n_responses":         {1, []string{"one", "%d complete response", "other", "%d complete responses"}},
		"an_n_transcripts":       {1, []string{"one", "%d transcript", "other", "%d transcripts"}},
		"an_n_interviews":        {1, []string{"one", "%d interview", "other", "%d interviews"}},
		"an_pp_texts":            {1, []string{"one", "%d text", "other", "%d texts"}},
		"an_pp_label_texts":      {1, []string{"one", "%d says the label", "other", "%d say the label"}},
		"an_pp_people":           {1, []string{"one", "%d person (%s)", "other", "%d people (%s)"}},
		"an_pp_intro":            {2, []string{"one", "From %d texts by %d person, ranked by priority.", "other", "From %d texts by %d people, ranked by priority."}},
		"an_pp_other":            {1, []string{"one", "%d text voices none of these problems.", "other", "%d texts voice none of these problems."}},
		"an_pp_nothing":          {1, []string{"one", "%d of them says there is nothing to say (\"N/A\", \"no idea\").", "other", "%d of them say there is nothing to say (\"N/A\", \"no idea\")."}},
		"an_per_size":            {1, []string{"one", "%d person", "other", "%d people"}},
		"an_per_stability_value": {3, []string{"one", "mean ARI %s, lowest %s over %d resample", "other", "mean ARI %s, lowest %s over %d resamples"}},
		"n_more":                 {1, []string{"one", "%d more not shown.", "other", "%d more not shown."}},
		"n_people":               {1, []string{"one", "%d person", "other", "%d people"}},
		"n_hits":                 {1, []string{"other", "%d found"}},
		"redacted_notice":        {1, []string{"one", "%d personal data item was replaced by a tag.", "other", "%d personal data items were replaced by tags."}},
		"n_days":                 {1, []string{"one", "%d day", "other", "%d days"}},
		"over_time_weeks":        {1, []string{"one", "one bar per %d week", "other", "one bar per %d weeks"}},
		"n_hours":                {1, []string{"one", "%d hour", "other", "%d hours"}},
		"n_minutes":              {1, []string{"one", "%d minute", "other", "%d minutes"}},
		"an_pp_coded_passages":   {1, []string{"one", "%d coded passage", "other", "%d coded passages"}},
		"n_surveys":              {1, []string{"one", "%d survey", "other", "%d surveys"}},
		"n_responses":            {1, []string{"one", "%d response", "other", "%d responses"}},
		"n_transcripts":          {1, []string{"one", "%d transcript or interview", "other", "%d transcripts and interviews"}},
		"n_coded_answers":        {1, []string{"one", "%d coded answer", "other", "%d coded answers"}},
		"n_utterances":           {1, []string{"one", "%d utterance", "other", "%d utterances"}},
		"n_speakers":             {1, []string{"one", "%d speaker", "other", "%d speakers"}},
		"n_items_redacted":       {1, []string{"one", "%d item redacted", "other", "%d items redacted"}},
		"n_rows_skipped":         {1, []string{"one", "%d row with errors skipped", "other", "%d rows with errors skipped"}},
		"n_personas_from":        {1, []string{"one", "%d persona from %d respondents", "other", "%d personas from %d respondents"}},
		"n_respondents":          {1, []string{"one", "%d respondent", "other", "%d respondents"}},
		"oa_showing":             {3, []string{"one", "%d–%d of %d answer", "other", "%d–%d of %d answers"}},
		"oa_page_of":             {2, []string{"other", "page %d of %d"}},
		"an_tp_participants":     {1, []string{"one", "+ %d person in interviews and transcripts", "other", "+ %d people in interviews and transcripts"}},
		"an_pp_base":             {2, []string{"one", "Each share here is of these %d people; the journey map and the personas give shares of all %d survey respondent, whether or not they wrote anything.", "other", "Each share here is of these %d people; the journey map and the personas give shares of all %d survey respondents, whether or not they wrote anything."}},
		"an_jr_pains_base":       {1, []string{"one", "%% of %d respondent · severity 0–\u20601", "other", "%% of %d respondents · severity 0–\u20601"}}, // a word joiner keeps "0–1" whole in the journey map's lane column
		"an_per_pains_base":      {1, []string{"one", "Share among this persona's %d person vs among all %d.", "other", "Share among this persona's %d people vs among all %d."}},
	},
	"fa": {
		"password_hint":          {1, []string{"other", "دست‌کم %d نویسه."}},
		"n_found":                {1, []string{"other", "%d پاسخ"}},
		"n_complete":             {1, []string{"other", "%d کامل"}},
		"n_answered":             {1, []string{"other", "%d پاسخ"}},
		"an_n_responses":         {1, []string{"other", "%d پاسخ کامل"}},
		"an_n_transcripts":       {1, []string{"other", "%d متن پیاده‌شده"}},
		"an_n_interviews":        {1, []string{"other", "%d مصاحبه"}},
		"an_pp_texts":            {1, []string{"other", "%d متن"}},
		"an_pp_label_texts":      {1, []string{"other", "%d متن خود این عبارت را می‌گویند"}},
		"an_pp_people":           {1, []string{"other", "%d نفر (%s)"}},
		"an_pp_intro":            {2, []string{"other", "از %d متن از %d نفر، به ترتیب اولویت."}},
		"an_pp_other":            {1, []string{"other", "%d متن به هیچ‌کدام از این مشکل‌ها اشاره نمی‌کند."}},
		"an_pp_nothing":          {1, []string{"other", "%d مورد از آن‌ها می‌گوید حرفی برای گفتن ندارد («موردی نیست»، «نمی‌دونم»)."}},
		"an_per_size":            {1, []string{"other", "%d نفر"}},
		"an_per_stability_value": {3, []string{"other", "میانگین ARI %s، کمترین %s در %d بازنمونه"}},
		"n_more":                 {1, []string{"other", "%d مورد دیگر نشان داده نشد."}},
		"n_people":               {1, []string{"other", "%d نفر"}},
		"n_hits":                 {1, []string{"other", "%d مورد پیدا شد"}},
		"redacted_notice":        {1, []string{"other", "%d مورد دادهٔ شخصی با برچسب جایگزین شد."}},
		"n_days":                 {1, []string{"other", "%d روز"}},
		"over_time_weeks":        {1, []string{"other", "هر ستون %d هفته"}},
		"n_hours":                {1, []string{"other", "%d ساعت"}},
		"n_minutes":              {1, []string{"other", "%d دقیقه"}},
		"an_pp_coded_passages":   {1, []string{"other", "%d بخش کدگذاری‌شده"}},
		"n_surveys":              {1, []string{"other", "%d پرسشنامه"}},
		"n_responses":            {1, []string{"other", "%d پاسخ"}},
		"n_transcripts":          {1, []string{"other", "%d متن و مصاحبه"}},
		"n_coded_answers":        {1, []string{"other", "%d پاسخ کدگذاری‌شده"}},
		"n_utterances":           {1, []string{"other", "%d گفته"}},
		"n_speakers":             {1, []string{"other", "%d گوینده"}},
		"n_items_redacted":       {1, []string{"other", "%d مورد پنهان شد"}},
		"n_rows_skipped":         {1, []string{"other", "%d سطر با خطا کنار گذاشته شد"}},
		"n_personas_from":        {1, []string{"other", "%d پرسونا از %d پاسخ‌دهنده"}},
		"n_respondents":          {1, []string{"other", "%d پاسخ‌دهنده"}},
		"oa_showing":             {3, []string{"other", "%d تا %d از %d پاسخ"}},
		"oa_page_of":             {2, []string{"other", "صفحهٔ %d از %d"}},
		"an_tp_participants":     {1, []string{"other", "+ %d نفر در مصاحبه‌ها و متن‌های پیاده‌شده"}},
		"an_pp_base":             {2, []string{"other", "هر سهم در این صفحه از همین %d نفر است؛ نقشهٔ سفر و پرسوناها سهم را از همهٔ %d پاسخ‌دهندهٔ پرسشنامه می‌دهند، چه چیزی نوشته باشند چه نه."}},
		"an_jr_pains_base":       {1, []string{"other", "٪ از %d پاسخ‌دهنده، شدت ۰ تا ۱"}},
		"an_per_pains_base":      {1, []string{"other", "سهم در میان %d نفرِ این پرسونا در برابر همهٔ %d نفر."}},
	},
}

// Printers write digits in ASCII; the page variant turns them Persian
// where the reader asked for that (app_render.go, translate).
var langTags = map[string]language.Tag{"en": language.English, "fa": language.MustParse("fa-u-nu-latn")}

type printers struct {
	respondent, app map[string]*message.Printer
}

var loadPrinters = sync.OnceValue(func() printers {
	resp := xcatalog.NewBuilder(xcatalog.Fallback(language.English))
	app := xcatalog.NewBuilder(xcatalog.Fallback(language.English))
	p := printers{respondent: map[string]*message.Printer{}, app: map[string]*message.Printer{}}
	for lang, tag := range langTags {
		for k, s := range catalog[lang] {
			mustSet(resp.SetString(tag, k, s))
			mustSet(app.SetString(tag, k, s))
		}
		for k, s := range appCatalog[lang] {
			mustSet(app.SetString(tag, k, s))
		}
		for k, f := range pluralCatalog[lang] {
			cases := make([]any, len(f.Cases))
			for i, c := range f.Cases {
				cases[i] = c
			}
			mustSet(app.Set(tag, k, plural.Selectf(f.Arg, "%d", cases...)))
		}
		p.respondent[lang] = message.NewPrinter(tag, message.Catalog(resp))
		p.app[lang] = message.NewPrinter(tag, message.Catalog(app))
	}
	return p
})

func mustSet(err error) {
	if err != nil {
		panic("i18n catalog: " + err.Error())
	}
}

// formatDuration writes d in whole days, hours or minutes ("24 hours",
// "2 days", "90 minutes"), the largest unit that divides it.
func formatDuration(lang string, d time.Duration) string {
	switch {
	case d >= 24*time.Hour && d%(24*time.Hour) == 0 && d != 24*time.Hour:
		return appText(lang, "n_days", int(d/(24*time.Hour)))
	case d >= time.Hour && d%time.Hour == 0:
		return appText(lang, "n_hours", int(d/time.Hour))
	default:
		return appText(lang, "n_minutes", int(d.Round(time.Minute)/time.Minute))
	}
}

// Count is a counted phrase ("1 response", "3 responses") in lang, for
// the CLI's messages; key is one of pluralCatalog's, the count first.
func Count(lang, key string, n int, more ...any) string {
	return appText(lang, key, append([]any{n}, more...)...)
}

// Text is a researcher-page string (key of the app catalog) in lang, for
// the CLI's messages.
func Text(lang, key string) string { return appText(lang, key) }

// ValidFor says how long something stays valid, e.g. "valid for 24
// hours", for the CLI's messages.
func ValidFor(lang string, d time.Duration) string {
	return appText(lang, "valid_for", formatDuration(lang, d))
}

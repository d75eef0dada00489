package demo

import (
	"time"

	"github.com/safarhq/safar/survey"
)

// Touchpoints are the demo project's channels: each has its own survey
// link (?tp=...) and QR code, and the synthetic responses come through
// them (touchpoint in generate.go).
var Touchpoints = []string{"instagram", "website", "email", "sms", "store_qr"}

// person is an interview or focus-group participant drawn from one of the
// hidden customer types, described with the surveys' demographic and
// behaviour question ids and option values, so the persona analysis can
// place them beside the respondents.
type person struct {
	Pseudonym string
	Type      int
	Attrs     map[string]string
}

var people = []person{
	{"Mina", typeBargain, map[string]string{"age_group": "18-24", "gender": "female", "city": "tehran", "main_channel": "instagram", "motive": "price", "discount_codes": "yes"}},
	{"Reza", typeBusy, map[string]string{"age_group": "25-34", "gender": "male", "city": "tehran", "main_channel": "website", "motive": "speed", "discount_codes": "no"}},
	{"Parvin", typeLoyal, map[string]string{"age_group": "55+", "gender": "female", "city": "isfahan", "main_channel": "store", "motive": "service", "discount_codes": "no"}},
	{"Daniel", typeBusy, map[string]string{"age_group": "35-44", "gender": "male", "city": "shiraz", "main_channel": "app", "motive": "speed", "discount_codes": "no"}},
	{"Leila", typeGift, map[string]string{"age_group": "35-44", "gender": "female", "city": "mashhad", "main_channel": "website", "motive": "gift", "discount_codes": "no"}},
}

// line is one turn: who speaks (a pseudonym, or "" for the moderator),
// what they say, and the codes a researcher gave it.
type line struct {
	Speaker, Text string
	Codes         []string
	Emotion       string // interview notes only
}

// session is one transcript or set of interview notes.
type session struct {
	Title       string
	Kind        survey.SourceKind
	Moderator   string
	Date        time.Time
	Stage       survey.Stage
	Touchpoints []string
	Lines       []line
}

var sessions = []session{
	{
		Title: "گروه کانونی: خریداران اینستاگرامی (مهر ۱۴۰۵).txt", Kind: survey.KindTranscript, Moderator: "مجری",
		Date: time.Date(2026, 10, 4, 0, 0, 0, 0, time.UTC),
		Lines: []line{
			{"", "از اولین خریدتان بگویید. از کجا با بازارچه آشنا شدید؟", nil, ""},
			{"Mina", "از اینستاگرام. پست تخفیف را دیدم و همان شب سفارش دادم.", []string{"instagram"}, ""},
			{"Parvin", "من از فروشگاه حضوری می‌خرم، نوه‌ام اپ را نصب کرد ولی کار با اپ سخت است و متن‌ها خیلی ریز است.", []string{"app usability"}, ""},
			{"", "موقع پرداخت چه اتفاقی افتاد؟", nil, ""},
			{"Mina", "کد تخفیف موقع پرداخت کار نکرد و هر بار رد شد. در دایرکت پرسیدم ولی کسی تا دو روز جواب نداد.", []string{"discount code", "slow replies"}, ""},
			{"Leila", "برای تولد خواهرم هدیه خریدم. بسته‌بندی ضعیف بود و لیوان داخل جعبه شکسته رسید.", []string{"packaging"}, ""},
			{"Parvin", "کالایی که در سایت موجود نشان داده می‌شد ناموجود بود و سفارشم را لغو کردند.", []string{"out of stock"}, ""},
			{"", "اگر یک چیز را عوض کنیم، چه باشد؟", nil, ""},
			{"Leila", "گزینهٔ کادوپیچی اضافه کنید و مرجوع کردن کالا را راحت‌تر کنید.", []string{"packaging", "returns"}, ""},
			{"Mina", "تخفیف واقعی برای مشتری‌های ثابت، و جواب دادن سریع‌تر به دایرکت.", []string{"slow replies"}, ""},
		},
	},
	{
		Title: "Interview - Daniel, app shopper (Oct 2026).txt", Kind: survey.KindTranscript, Moderator: "Interviewer",
		Date: time.Date(2026, 10, 11, 0, 0, 0, 0, time.UTC),
		Lines: []line{
			{"", "Walk me through your last order.", nil, ""},
			{"Daniel", "I ordered a kettle on the app during my lunch break. Search never finds what I type, so I scrolled for ages.", []string{"website search"}, ""},
			{"", "And the delivery?", nil, ""},
			{"Daniel", "It took nine days to arrive even though the site said two days. The courier never called and tracking never updated.", []string{"late delivery"}, ""},
			{"Daniel", "I called support twice; nobody solved the problem and I had to take a day off to wait for the parcel.", []string{"support", "late delivery"}, ""},
			{"", "Would you order again?", nil, ""},
			{"Daniel", "Only if delivery is on time. Same-day delivery in my city would win me back.", []string{"late delivery"}, ""},
		},
	},
	{
		Title: "Interview notes - Reza (phone, Oct 2026)", Kind: survey.KindInterview, Date: time.Date(2026, 10, 18, 0, 0, 0, 0, time.UTC),
		Stage: "use", Touchpoints: []string{"website", "courier"},
		Lines: []line{
			{"Reza", "Orders every month on the website, always in a hurry.", nil, survey.EmotionNeutral},
			{"Reza", "The delivery was late and the tracking never updated; he asked for a refund.", []string{"late delivery"}, survey.EmotionNegative},
			{"Reza", "Payment failed twice at checkout and the money was taken from his card.", []string{"payment"}, survey.EmotionNegative},
			{"Reza", "Likes the product quality and the clear invoices.", nil, survey.EmotionPositive},
		},
	},
}

// codebook is the demo's codes; the open survey answers that voice a
// topic get its code too (codeTopics).
var codebook = []survey.Code{
	{Name: "late delivery", Group: survey.GroupPainPoint, Description: "The order came after the promised date"},
	{Name: "discount code", Group: survey.GroupPainPoint, Description: "Codes rejected at checkout"},
	{Name: "slow replies", Group: survey.GroupPainPoint, Description: "Instagram messages answered late or never"},
	{Name: "packaging", Group: survey.GroupPainPoint, Description: "Damaged boxes, no gift wrapping"},
	{Name: "app usability", Group: survey.GroupPainPoint, Description: "The app is hard to use"},
	{Name: "website search", Group: survey.GroupPainPoint, Description: "Search does not find products"},
	{Name: "out of stock", Group: survey.GroupPainPoint, Description: "Shown as available but not in stock"},
	{Name: "payment", Group: survey.GroupPainPoint, Description: "Payment failures"},
	{Name: "support", Group: survey.GroupPainPoint, Description: "Support does not solve problems"},
	{Name: "returns", Group: survey.GroupPainPoint, Description: "Returns and refunds are hard"},
	{Name: "instagram", Group: survey.GroupTouchpoint, Description: "Instagram posts and direct messages"},
}

// codeTopics maps a code to the complaint topics (comments.go) whose
// survey answers it is applied to.
var codeTopics = map[string]string{
	"late delivery": "late_delivery", "discount code": "discount_code", "slow replies": "instagram_dm",
	"packaging": "packaging", "app usability": "app_usability", "website search": "website_search",
	"out of stock": "out_of_stock", "payment": "payment", "support": "support", "returns": "returns",
}

// answersPerCode is how many open answers of each language the demo codes
// per code: enough to show coded passages, few enough to leave work.
const answersPerCode = 4

// Qualitative returns the demo's participants (ids 1..n) and transcripts
// as plain values, speakers mapped to participants and the moderator
// marked, for analyses that do not read a store.
func Qualitative() ([]*survey.Participant, []*survey.Transcript) {
	parts := make([]*survey.Participant, len(people))
	ids := map[string]*int64{}
	for i, p := range people {
		parts[i] = &survey.Participant{ID: int64(i + 1), Pseudonym: p.Pseudonym, Attributes: p.Attrs}
		ids[p.Pseudonym] = &parts[i].ID
	}
	var ts []*survey.Transcript
	for i, s := range sessions {
		ts = append(ts, s.transcript(int64(i+1), ids))
	}
	return parts, ts
}

// transcript is the session as stored: speakers in order of first turn.
func (s session) transcript(id int64, participant map[string]*int64) *survey.Transcript {
	d := s.Date
	t := &survey.Transcript{ID: id, Kind: s.Kind, Title: s.Title, Format: "text", Encoding: "utf-8", Date: &d,
		Stage: s.Stage, Touchpoints: s.Touchpoints}
	if s.Kind == survey.KindInterview {
		t.Format, t.Encoding, t.Interviewer = "notes", "", "Demo researcher"
	}
	seen := map[string]bool{}
	for i, l := range s.Lines {
		who := l.Speaker
		if who == "" {
			who = s.Moderator
		}
		if !seen[who] {
			seen[who] = true
			t.Speakers = append(t.Speakers, survey.Speaker{Name: who, Moderator: l.Speaker == "", ParticipantID: participant[l.Speaker]})
		}
		t.Utterances = append(t.Utterances, survey.Utterance{Order: i + 1, Speaker: who, Text: l.Text, Emotion: l.Emotion, Codes: l.Codes, Customer: l.Speaker != ""})
	}
	return t
}

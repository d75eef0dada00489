package web

// The account page's API key texts (account_keys.go), merged into the
// workspace catalog.
var apiKeyTexts = map[string]map[string]string{
	"en": {
		"apikeys_title":        "API keys",
		"apikeys_intro":        "A key lets another program use the Safar API (/api/v1, described at /api/v1/openapi.json) as you, within the scopes you choose. Revoke a key you no longer use.",
		"apikey_created":       "Your new key. Copy it now: it is shown only this once.",
		"apikey_revoked":       "The key is revoked; it no longer works.",
		"apikey_key":           "Key",
		"apikey_scopes":        "Scopes",
		"apikey_last_used":     "Last used",
		"apikey_never_used":    "never",
		"apikey_is_revoked":    "revoked",
		"apikey_revoke":        "Revoke",
		"apikey_new":           "New key",
		"apikey_name":          "Name (what will use it)",
		"apikey_create":        "Create key",
		"err_apikey_name":      "Give the key a name of 1 to 100 characters.",
		"err_apikey_scopes":    "Choose at least one scope.",
		"scope.responses:read": "read the responses of every survey",
		"scope.surveys:write":  "create surveys, change their definitions, publish and close them",
	},
	"fa": {
		"apikeys_title":        "کلیدهای API",
		"apikeys_intro":        "با یک کلید، برنامه‌ای دیگر می‌تواند از API سفر (/api/v1، با توضیح در /api/v1/openapi.json) به نام شما و در محدوده‌ای که انتخاب می‌کنید استفاده کند. کلیدی را که دیگر لازم ندارید باطل کنید.",
		"apikey_created":       "کلید تازهٔ شما. همین حالا آن را کپی کنید: فقط همین یک بار نشان داده می‌شود.",
		"apikey_revoked":       "کلید باطل شد و دیگر کار نمی‌کند.",
		"apikey_key":           "کلید",
		"apikey_scopes":        "دسترسی‌ها",
		"apikey_last_used":     "آخرین استفاده",
		"apikey_never_used":    "هرگز",
		"apikey_is_revoked":    "باطل‌شده",
		"apikey_revoke":        "باطل کردن",
		"apikey_new":           "کلید تازه",
		"apikey_name":          "نام (چه چیزی از آن استفاده می‌کند)",
		"apikey_create":        "ساختن کلید",
		"err_apikey_name":      "نامی از ۱ تا ۱۰۰ نویسه برای کلید بنویسید.",
		"err_apikey_scopes":    "دست‌کم یک دسترسی انتخاب کنید.",
		"scope.responses:read": "خواندن پاسخ‌های همهٔ پرسش‌نامه‌ها",
		"scope.surveys:write":  "ساختن پرسش‌نامه، تغییر تعریف آن‌ها، انتشار و بستن",
	},
}

func init() {
	for lang, texts := range apiKeyTexts {
		for k, v := range texts {
			appCatalog[lang][k] = v
		}
	}
}

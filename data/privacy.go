package data

// PersonalDataMarking marks files that hold children's personal data
// (exports of lists, handover sheets), in both languages whatever the
// file's own, as the office's rules for such papers ask (docs/PRIVACY.md).
const PersonalDataMarking = "Дербес деректер — тек қызметтік пайдалану үшін / Персональные данные — для служебного пользования"

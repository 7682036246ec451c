; The Windows installer of «Мектепке жол»: a per-user install (no admin
; rights) into %LOCALAPPDATA%\Programs\MektepkeZhol, shortcuts named in
; Kazakh, an uninstaller that keeps the clerk's database unless asked.
; Installing over an older version upgrades it in place; the database in
; %APPDATA%\MektepkeZhol is never touched by an install.
; makensis -DVERSION=1.0.0 -DDIST=../../dist installer.nsi

; 64-bit like the app (and so it runs under a 64-bit-only wine)
Target amd64-unicode
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist"
!endif
!define APPNAME "Мектепке жол"
!define REGKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MektepkeZhol"

Name "${APPNAME} ${VERSION}"
OutFile "${DIST}\MektepkezholSetup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\MektepkeZhol"
InstallDirRegKey HKCU "${REGKEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "FileDescription" "${APPNAME} — акцияның демеушілері, балалар, көмек және өтініштер"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "Қарағанды қаласы білім бөлімі"
VIAddVersionKey "LegalCopyright" "Қарағанды қаласы білім бөлімі"

!define MUI_ICON "${DIST}\icon.ico"
!define MUI_UNICON "${DIST}\icon.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\mektepkezhol.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; NSIS ships no Kazakh pages: the installer speaks Russian, the shortcuts
; and the uninstall question are in Kazakh too.
!insertmacro MUI_LANGUAGE "Russian"

Section "Install"
  SetOutPath "$INSTDIR"
  ; an upgrade overwrites the program files and nothing else
  File "${DIST}\mektepkezhol.exe"
  File "${DIST}\mektepkezhol-cli.exe"
  File "${DIST}\icon.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\mektepkezhol.exe" "" "$INSTDIR\icon.ico"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME} — жою.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\mektepkezhol.exe" "" "$INSTDIR\icon.ico"

  WriteRegStr HKCU "${REGKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${REGKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REGKEY}" "Publisher" "Қарағанды қаласы білім бөлімі"
  WriteRegStr HKCU "${REGKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REGKEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${REGKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${REGKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${REGKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\mektepkezhol.exe"
  Delete "$INSTDIR\mektepkezhol-cli.exe"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME} — жою.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKCU "${REGKEY}"

  ; The database holds the campaign's records: kept unless the clerk asks.
  ; A silent uninstall (/S) always keeps it.
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
    "Деректер базасы мен сақтық көшірмелерді де жою керек пе?$\r$\nУдалить также базу данных и резервные копии?$\r$\n$\r$\n$APPDATA\MektepkeZhol" \
    /SD IDNO IDNO keep
  RMDir /r "$APPDATA\MektepkeZhol"
keep:
SectionEnd

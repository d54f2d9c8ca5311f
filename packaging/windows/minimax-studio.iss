; Inno Setup 6 script: the Windows installer for MiniMax Studio.
; Built by packaging/windows/build-windows.ps1 after PyInstaller, or by hand:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\minimax-studio.iss
; Input: dist\minimax-studio\ (the one-folder bundle). Output: dist\MiniMaxStudio-<version>-Setup.exe
; Per-user install by default (no admin prompt; %LOCALAPPDATA%\Programs\MiniMax Studio); the user can
; choose "install for all users" on the first page. Start-menu entry, optional desktop icon, uninstaller
; in Settings > Apps. Settings, takes and the keychain entry are the user's data and are kept on uninstall.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "MiniMax Studio"
#define AppExe "minimax-studio.exe"
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; AppId identifies the app for upgrades and the uninstaller: never change it.
AppId={{6C1F3A52-9E4B-4D7A-A6C2-3B1E2F7D8A90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MiniMax Studio
AppPublisherURL=https://github.com/minimax-studio/minimax-studio
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=MiniMaxStudio-{#AppVersion}-Setup
SetupIconFile={#Root}\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
VersionInfoVersion={#AppVersion}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\minimax-studio\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle's library folder wholesale, so files a new version dropped don't linger
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Voice, image, video and music studio"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

# Build MiniMax Studio for Windows: dist\minimax-studio\ (PyInstaller) and dist\MiniMaxStudio-<ver>-Setup.exe
# (Inno Setup 6). Run from any folder on Windows 10/11 x64 with Python 3.11+ and Inno Setup 6 installed
# (winget install JRSoftware.InnoSetup; GitHub's windows runners have it):
#
#   pwsh packaging/windows/build-windows.ps1
#
# Optional code signing (skipped when not configured; unsigned installers trigger SmartScreen warnings):
#   $env:WINDOWS_SIGN_PFX = path to a .pfx code-signing certificate, $env:WINDOWS_SIGN_PASSWORD = its password
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Py = "$Root\.venv\Scripts\python.exe"
if (-not (Test-Path $Py)) { python -m venv .venv }
& $Py -m pip install -q --upgrade pip
& $Py -m pip install -q -e ".[packaging]"
if ($LASTEXITCODE) { throw "pip install failed" }
$Version = (& $Py -c "import studio; print(studio.__version__)").Trim()

# 1. the one-folder app
$sw = [Diagnostics.Stopwatch]::StartNew()
& $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\windows\pyinstaller packaging\minimax-studio.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$Exe = "$Root\dist\minimax-studio\minimax-studio.exe"
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse "$Root\dist\minimax-studio" | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "build-windows: $Exe  $size  built in $([int]$sw.Elapsed.TotalSeconds) s (version $Version)"

function Invoke-Check([string]$exe, [string]$flag) {
  # A GUI-subsystem exe: Start-Process waits for it and hands it real stdout handles to print its one line.
  $out = New-TemporaryFile
  $env:QT_QPA_PLATFORM = "offscreen"
  $p = Start-Process -FilePath $exe -ArgumentList $flag -Wait -PassThru -NoNewWindow -RedirectStandardOutput $out
  Remove-Item Env:QT_QPA_PLATFORM
  Get-Content $out | Write-Host
  Remove-Item $out
  if ($p.ExitCode -ne 0) { throw "$exe $flag failed ($($p.ExitCode))" }
}

function Invoke-Sign([string]$file) {
  if (-not $env:WINDOWS_SIGN_PFX) { return }
  $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" | Sort-Object FullName | Select-Object -Last 1
  & $signtool.FullName sign /f $env:WINDOWS_SIGN_PFX /p $env:WINDOWS_SIGN_PASSWORD /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $file
  if ($LASTEXITCODE) { throw "signtool failed for $file" }
}

# 2. the frozen app's self-test ('no audio device' is fine on a runner without a sound card)
Invoke-Check $Exe "--self-test"
Invoke-Check $Exe "--bundle-check"
if ($env:WINDOWS_SIGN_PFX) { Invoke-Sign $Exe } else { Write-Host "build-windows: WINDOWS_SIGN_PFX not set: signing skipped" }

# 3. the installer
$Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe", "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") |
  Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 not found (winget install JRSoftware.InnoSetup)" }
& $Iscc /Q "/DAppVersion=$Version" packaging\windows\minimax-studio.iss
if ($LASTEXITCODE) { throw "ISCC failed" }
$Setup = "$Root\dist\MiniMaxStudio-$Version-Setup.exe"
Invoke-Sign $Setup
Write-Host "build-windows: $Setup  $('{0:N0} MB' -f ((Get-Item $Setup).Length / 1MB))"

# 4. install it silently (per user), self-test the installed copy, uninstall
if ($env:STUDIO_TEST_INSTALLER -ne "0") {
  $dir = "$env:TEMP\MiniMaxStudioTest"
  $p = Start-Process $Setup -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER", "/NORESTART", "/DIR=`"$dir`"" -Wait -PassThru
  if ($p.ExitCode -ne 0) { throw "installer failed ($($p.ExitCode))" }
  Invoke-Check "$dir\minimax-studio.exe" "--self-test"
  if (-not (Test-Path "$env:APPDATA\Microsoft\Windows\Start Menu\Programs\MiniMax Studio.lnk")) { throw "no Start-menu entry" }
  $p = Start-Process "$dir\unins000.exe" -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait -PassThru
  if ($p.ExitCode -ne 0) { throw "uninstaller failed ($($p.ExitCode))" }
  Write-Host "build-windows: installer, Start-menu entry, self-test of the installed app and uninstaller ok"
}

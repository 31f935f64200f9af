# The MSI that .ci/run builds on Linux, installed on a throwaway Windows runner with a Temurin 17
# (JAVA_HOME set), and what the product must do there: the service runs (started by the SCM, from
# System32); a non-elevated account gets `wuproxy status --json`; `explain` prints to the console;
# `set` reaches WinHTTP (both registry views) and the BITS accounts; a major upgrade keeps the service
# and the backup of the original settings; uninstall puts the original settings back byte for byte.
# Usage: check-installed.ps1 -Msi wuproxy.msi -NextMsi upgrade-test\wuproxy.msi   (elevated)
param([Parameter(Mandatory)] [string] $Msi, [Parameter(Mandatory)] [string] $NextMsi)
$ErrorActionPreference = 'Stop'
$install = 'C:\Program Files\wuproxy'
$exe = Join-Path $install 'wuproxy.exe'
$connections = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
$accounts = @{ LOCALSYSTEM = 'S-1-5-18'; LOCALSERVICE = 'S-1-5-19'; NETWORKSERVICE = 'S-1-5-20' }

function Fail([string] $what) { throw "installed check failed: $what" }
function Hex([byte[]] $bytes) { if ($null -eq $bytes) { 'absent' } else { ($bytes | ForEach-Object { $_.ToString('x2') }) -join '' } }
function WinHttp([string] $view) {
    $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', $view)
    $key = $base.OpenSubKey($connections)
    if ($null -eq $key) { return 'absent' }
    Hex $key.GetValue('WinHttpSettings')
}
function Bits([string] $account) {
    $key = [Microsoft.Win32.Registry]::Users.OpenSubKey("$($accounts[$account])\$connections")
    if ($null -eq $key) { return 'absent' }
    Hex $key.GetValue('DefaultConnectionSettings')
}
function Snapshot {
    $s = [ordered]@{ WinHttp64 = WinHttp 'Registry64'; WinHttp32 = WinHttp 'Registry32' }
    foreach ($a in $accounts.Keys) { $s["Bits$a"] = Bits $a; $s["BitsSays$a"] = (bitsadmin /util /getieproxy $a | Select-String -Pattern 'Proxy usage|Proxy list|Proxy bypass|Auto discovery|Auto config') -join ' | ' }
    $s
}
function Msiexec([string[]] $arguments, [string] $log) {
    $p = Start-Process msiexec.exe -Wait -PassThru -ArgumentList ($arguments + @('/qn', '/l*v', $log))
    if ($p.ExitCode -ne 0) { Get-Content $log -Tail 60; Fail "msiexec $arguments exited $($p.ExitCode)" }
}
function Running {
    for ($i = 0; $i -lt 60; $i++) {
        $service = Get-Service wuproxy -ErrorAction SilentlyContinue
        if ($service -and $service.Status -eq 'Running') { return $service }
        Start-Sleep -Seconds 1
    }
    Get-Content 'C:\ProgramData\wuproxy\logs\*' -Tail 40 -ErrorAction SilentlyContinue
    Fail "the wuproxy service is not running: $(sc.exe queryex wuproxy)"
}
function ImagePath { (Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Services\wuproxy').ImagePath }

# The Temurin that setup-java unpacked, as its installer's "Set JAVA_HOME variable" leaves it: machine-wide.
# (msiexec's actions run in a service that does not see this job's environment.)
[Environment]::SetEnvironmentVariable('JAVA_HOME', $env:JAVA_HOME, 'Machine')

# Originals that differ in every place wuproxy writes: the two registry views and the BITS accounts.
netsh winhttp set proxy original-32.example:3128 '<local>' | Out-Null
$bytes32 = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', 'Registry64').OpenSubKey($connections).GetValue('WinHttpSettings')
netsh winhttp set proxy original.example:3128 '<local>;*.corp.example' | Out-Null
[Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', 'Registry32').CreateSubKey($connections).SetValue('WinHttpSettings', [byte[]] $bytes32, 'Binary')
bitsadmin /util /setieproxy LOCALSYSTEM MANUAL_PROXY bits-original.example:8080 '<local> *.corp.example' | Out-Null
bitsadmin /util /setieproxy NETWORKSERVICE AUTODETECT | Out-Null
$original = Snapshot
if ($original.WinHttp64 -eq $original.WinHttp32) { Fail 'the two registry views should start out different' }
$original | Format-Table -AutoSize | Out-String -Width 400 | Write-Host

# Install; the service is registered and started by the SCM, from System32, with java.exe of the Temurin and the install folder.
Msiexec @('/i', $Msi) 'install.log'
$service = Running
$image = ImagePath
foreach ($part in @("`"-Dwuproxy.home=$install`"", "`"$install\wuproxy.jar`" service", "`"$env:JAVA_HOME\bin\java.exe`"")) {
    if (-not $image.Contains($part)) { Fail "the service command line lacks $part : $image" }
}
$path = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if (-not ($path.Split(';') -contains "$install\")) { Fail "the install folder is not on the system PATH: $path" }

# A non-elevated account on this runner asks the service for its status.
$password = 'Wp-' + [guid]::NewGuid().ToString('N').Substring(0, 16) + '!a1'
net user wuproxyci $password /add | Out-Null
try {
    $credential = New-Object System.Management.Automation.PSCredential('wuproxyci', (ConvertTo-SecureString $password -AsPlainText -Force))
    $out = 'C:\Users\Public\wuproxy-status.json'
    $p = Start-Process $exe -ArgumentList 'status', '--json' -Credential $credential -LoadUserProfile -Wait -PassThru `
        -WorkingDirectory 'C:\Users\Public' -RedirectStandardOutput $out -RedirectStandardError 'C:\Users\Public\wuproxy-status.err'
    $status = Get-Content $out -Raw
    if ($p.ExitCode -ne 0 -or -not $status.Contains('"profile"')) {
        Fail "a non-elevated account got no status (exit $($p.ExitCode)): $status $(Get-Content 'C:\Users\Public\wuproxy-status.err' -Raw)"
    }
    Write-Host "non-elevated status: $status"
} finally {
    net user wuproxyci /delete | Out-Null
}

# The console launcher prints, and passes the exit code on.
$explain = & $exe explain 0x80072EFD | Out-String
if ($LASTEXITCODE -ne 0 -or $explain.Trim().Length -eq 0) { Fail "explain printed nothing (exit $LASTEXITCODE)" }
Write-Host $explain

# set reaches both registry views and the BITS accounts.
& $exe set proxy.ci.example:8080 '<local>'
if ($LASTEXITCODE -ne 0) { Fail "set exited $LASTEXITCODE" }
Start-Sleep -Seconds 3
$set = Snapshot
if ($set.WinHttp64 -ne $set.WinHttp32) { Fail "set left the registry views different: $($set.WinHttp64) / $($set.WinHttp32)" }
if (-not ((netsh winhttp show proxy | Out-String).Contains('proxy.ci.example:8080'))) { Fail 'netsh does not show the proxy set' }
foreach ($a in $accounts.Keys) {
    if (-not ((bitsadmin /util /getieproxy $a | Out-String).Contains('proxy.ci.example:8080'))) { Fail "BITS account $a does not have the proxy set" }
}
$backup = Get-FileHash 'C:\ProgramData\wuproxy\state\original-settings.json'

# A major upgrade keeps the service (same command line, running) and the backup of the original settings.
Msiexec @('/i', $NextMsi) 'upgrade.log'
Running | Out-Null
if ((ImagePath) -ne $image) { Fail "the upgrade changed the service command line: $(ImagePath)" }
if ((Get-FileHash 'C:\ProgramData\wuproxy\state\original-settings.json').Hash -ne $backup.Hash) { Fail 'the upgrade replaced the backup' }
if ((Snapshot).WinHttp64 -eq $original.WinHttp64) { Fail 'the upgrade restored the original settings (it must leave that to uninstall)' }

# Uninstall: the service is gone, and every original is back byte for byte.
Msiexec @('/x', $NextMsi) 'uninstall.log'
if (Get-Service wuproxy -ErrorAction SilentlyContinue) { Fail 'uninstall left the service' }
$after = Snapshot
foreach ($k in $original.Keys) {
    if ($after[$k] -ne $original[$k]) { Fail "uninstall did not restore $k : was $($original[$k]), now $($after[$k])" }
}
$path = [Environment]::GetEnvironmentVariable('Path', 'Machine')
if ($path.Split(';') -contains "$install\") { Fail "uninstall left the install folder on the PATH" }
Write-Host 'installed check: service, non-elevated status, explain, set, upgrade and uninstall all as expected'

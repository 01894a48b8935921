# Shared support for the Pester suite (Pester 5, PowerShell 7.4+ or Windows PowerShell 5.1).
# Every *.Tests.ps1 file imports this in BeforeAll:
#     BeforeAll { Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force }
# It finds (or builds) the laid-out module folder out/AadstsTools/<version>/, imports it, and starts and stops
# the Graph emulator for the cmdlets that talk to Microsoft Graph.

Set-StrictMode -Version 3

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path

function Get-AadstsTestModuleFolder {
    <#
    .SYNOPSIS
    The module folder under test: $env:AADSTS_TEST_MODULE_FOLDER (build.ps1 sets it), else the newest
    out/AadstsTools/<version>/, else one laid out now with the build tool (dotnet only, no pwsh needed).
    #>
    [CmdletBinding()]
    param()

    if ($env:AADSTS_TEST_MODULE_FOLDER) {
        if (-not (Test-Path -LiteralPath (Join-Path $env:AADSTS_TEST_MODULE_FOLDER 'AadstsTools.psd1'))) {
            throw "AADSTS_TEST_MODULE_FOLDER is '$env:AADSTS_TEST_MODULE_FOLDER', which holds no AadstsTools.psd1."
        }
        return $env:AADSTS_TEST_MODULE_FOLDER
    }

    $outRoot = Join-Path $script:RepositoryRoot 'out/AadstsTools'
    $folder = Get-ChildItem -LiteralPath $outRoot -Directory -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -match '^\d+\.\d+\.\d+$' -and (Test-Path -LiteralPath (Join-Path $_.FullName 'AadstsTools.psd1')) } |
        Sort-Object { [version]$_.Name } -Descending |
        Select-Object -First 1
    if ($folder) {
        return $folder.FullName
    }

    Write-Host "No module folder under $outRoot; laying it out with the build tool."
    $project = Join-Path $script:RepositoryRoot 'build/AadstsTools.Build/AadstsTools.Build.csproj'
    & dotnet run --project $project -c Release -- layout -c Release --repo $script:RepositoryRoot | Write-Host
    if ($LASTEXITCODE -ne 0) {
        throw "The build tool could not lay out the module (exit code $LASTEXITCODE)."
    }
    return Get-AadstsTestModuleFolder
}

function Import-AadstsTestModule {
    <#
    .SYNOPSIS
    Imports the laid-out module (by its manifest, as users do) and returns its PSModuleInfo.
    #>
    [CmdletBinding()]
    param()

    $manifest = Join-Path (Get-AadstsTestModuleFolder) 'AadstsTools.psd1'
    Get-Module AadstsTools | Remove-Module -Force
    Import-Module $manifest -Force -PassThru -ErrorAction Stop
}

function Get-AadstsGraphEmulatorPath {
    <#
    .SYNOPSIS
    The Graph emulator's dll (tests/AadstsTools.GraphEmulator), built with dotnet if it is not yet.
    #>
    [CmdletBinding()]
    param()

    $projectFolder = Join-Path $script:RepositoryRoot 'tests/AadstsTools.GraphEmulator'
    $project = Join-Path $projectFolder 'AadstsTools.GraphEmulator.csproj'
    if (-not (Test-Path -LiteralPath $project)) {
        return $null
    }

    $find = { Get-ChildItem -LiteralPath (Join-Path $projectFolder 'bin') -Recurse -Filter 'AadstsTools.GraphEmulator.dll' -ErrorAction SilentlyContinue |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1 }
    $dll = & $find
    if (-not $dll) {
        & dotnet build $project -c Release -nologo -v:q | Write-Host
        if ($LASTEXITCODE -ne 0) {
            throw "Building the Graph emulator failed (exit code $LASTEXITCODE)."
        }
        $dll = & $find
    }
    return $dll.FullName
}

function Start-AadstsGraphEmulator {
    <#
    .SYNOPSIS
    Starts the Graph emulator on a free loopback port with a fixture tenant and returns
    @{ Process; BaseUrl ('http://127.0.0.1:PORT/v1.0'); Fixture }. Stop it with Stop-AadstsGraphEmulator.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Fixture,

        [timespan] $StartTimeout = [timespan]::FromSeconds(30)
    )

    if (-not (Test-Path -LiteralPath $Fixture)) {
        throw "Emulator fixture '$Fixture' not found."
    }

    $dll = Get-AadstsGraphEmulatorPath
    if (-not $dll) {
        throw 'The Graph emulator (tests/AadstsTools.GraphEmulator) is not in this repository.'
    }

    # Arguments as one quoted string: ProcessStartInfo.ArgumentList does not exist on Windows PowerShell 5.1.
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.Arguments = '"{0}" --fixture "{1}" --port 0' -f $dll, (Resolve-Path -LiteralPath $Fixture).Path
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    # Both pipes are drained in the background from now on, so a chatty emulator never blocks on a full pipe.
    $errorTask = $process.StandardError.ReadToEndAsync()

    # The emulator prints 'listening on http://127.0.0.1:PORT/v1.0' once it accepts connections.
    $deadline = [datetime]::UtcNow + $StartTimeout
    while ([datetime]::UtcNow -lt $deadline) {
        $read = $process.StandardOutput.ReadLineAsync()
        $remaining = [int][math]::Max(1, ($deadline - [datetime]::UtcNow).TotalMilliseconds)
        if (-not $read.Wait($remaining)) {
            break
        }
        if ($null -eq $read.Result) {
            break
        }
        if ($read.Result -match 'listening on (?<url>http://127\.0\.0\.1:\d+/v1\.0)') {
            $null = $process.StandardOutput.ReadToEndAsync()
            return [pscustomobject]@{
                Process = $process
                BaseUrl = $Matches.url
                Fixture = $Fixture
            }
        }
    }

    if (-not $process.HasExited) {
        $process.Kill()
    }
    $errorText = if ($errorTask.Wait(5000)) { $errorTask.Result } else { '' }
    throw "The Graph emulator did not report 'listening on ...' within $StartTimeout. $errorText"
}

function Stop-AadstsGraphEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [AllowNull()]
        [object] $Emulator
    )

    process {
        if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(10000)
        }
    }
}

function Get-AadstsEmulatorFixture {
    <#
    .SYNOPSIS
    A fixture tenant of the emulator by file name, or the first one found; $null when there is none yet.
    #>
    [CmdletBinding()]
    param([string] $Name = '*')

    Get-ChildItem -LiteralPath (Join-Path $script:RepositoryRoot 'tests/AadstsTools.GraphEmulator') -Recurse -Filter "$Name.json" -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
        Sort-Object FullName |
        Select-Object -First 1 -ExpandProperty FullName
}

function New-AadstsSignInRecord {
    <#
    .SYNOPSIS
    An object shaped like Get-MgAuditLogSignIn output (MicrosoftGraphSignIn): Status.ErrorCode and friends.
    #>
    [CmdletBinding()]
    param(
        [int] $ErrorCode = 50126,
        [string] $UserPrincipalName = 'jdoe@contoso.com',
        [string] $CorrelationId = '2f7c6f5e-1b3a-4c8d-9e0f-112233445566',
        [string] $Id = '7d9a1c2b-3e4f-4a5b-8c6d-778899aabbcc',
        [datetime] $CreatedDateTime = [datetime]::new(2026, 3, 14, 9, 26, 53, [System.DateTimeKind]::Utc)
    )

    [pscustomobject]@{
        Id                = $Id
        CreatedDateTime   = $CreatedDateTime
        UserPrincipalName = $UserPrincipalName
        AppDisplayName    = 'Office 365 Exchange Online'
        CorrelationId     = $CorrelationId
        IPAddress         = '203.0.113.7'
        Status            = [pscustomobject]@{
            ErrorCode         = $ErrorCode
            FailureReason     = 'Invalid username or password or Invalid on-premise username or password.'
            AdditionalDetails = $null
        }
    }
}

function New-AadstsPortalExport {
    <#
    .SYNOPSIS
    Writes a small CSV shaped like the Entra admin center's interactive sign-in download (its header names,
    including the trailing space of 'Application ID ') and returns its path.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [int[]] $ErrorCode
    )

    $rows = foreach ($code in $ErrorCode) {
        [pscustomobject][ordered]@{
            'Date (UTC)'         = '2026-03-14T09:26:53Z'
            'Request ID'         = [guid]::NewGuid().ToString()
            'Correlation ID'     = [guid]::NewGuid().ToString()
            'User'               = 'Jane Doe'
            'Username'           = 'jdoe@contoso.com'
            'Application'        = 'Microsoft Teams'
            'Application ID '    = '1fec8e78-bce4-4aaf-ab1b-5451cc387264'
            'IP address'         = '203.0.113.7'
            'Status'             = if ($code -eq 0) { 'Success' } else { 'Failure' }
            'Sign-in error code' = $code
            'Failure reason'     = if ($code -eq 0) { '' } else { 'Sign-in failed.' }
        }
    }
    $rows | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8
    $Path
}

Export-ModuleMember -Function Get-AadstsTestModuleFolder, Import-AadstsTestModule, Get-AadstsGraphEmulatorPath, Start-AadstsGraphEmulator,
    Stop-AadstsGraphEmulator, Get-AadstsEmulatorFixture, New-AadstsSignInRecord, New-AadstsPortalExport

# Shared support for the Pester suite (Pester 5, PowerShell 7.4+ or Windows PowerShell 5.1).
# Every *.Tests.ps1 file imports this in BeforeAll:
#     BeforeAll { Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force }
# It finds (or builds) the laid-out module folder out/AadstsTools/<version>/, imports it, and starts and stops
# the Graph emulator for the cmdlets that talk to Microsoft Graph. A file testing those cmdlets typically does:
#     BeforeAll {
#         Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
#         $null = Import-AadstsTestModule
#         $script:Emulator = Start-AadstsTestEmulator -Connect   # contoso fixture; a JWT granting every permission
#     }
#     AfterAll { Stop-AadstsTestSession $Emulator }            # the connection outlives Remove-Module: it ends here
# The emulator's own records (requests, password resets) live in its process; from here, what a command changed is
# read back through its Graph API (Get-AadstsEmulatorUser).

Set-StrictMode -Version 3

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path

# Every Graph permission the module's commands use (ModulePermissions.Scopes()): a token granting these lacks nothing.
$script:ModuleScopes = @(
    'AuditLog.Read.All', 'Directory.Read.All', 'Domain.Read.All', 'User-PasswordProfile.ReadWrite.All', 'User.Read.All',
    'User.RevokeSessions.All', 'UserAuthenticationMethod.Read.All'
)
$script:TestTenantId = '8f7d2c1e-5a4b-4c3d-9e2f-00000000c0de'

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
    Get-Module AadstsTools -All | Remove-Module -Force
    # -Global: called from this module's function, Import-Module would otherwise import into this module's session
    # state only, and the test files (which call the cmdlets) would not see them.
    Import-Module $manifest -Force -PassThru -Global -ErrorAction Stop
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
    @{ Process; BaseUrl ('http://127.0.0.1:PORT/v1.0'); Fixture; Token }. Stop it with Stop-AadstsGraphEmulator.
    .PARAMETER Token
    The bearer token the emulator accepts; a JWT from New-AadstsTestToken also tells the module its permissions.
    .PARAMETER NoPremium
    The tenant has no Entra ID P1/P2: the registration report and the sign-in logs answer 403 as Graph does.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Fixture,

        [string] $Token = 'emulator-token',

        [switch] $NoPremium,

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
    $start.Arguments = '"{0}" --fixture "{1}" --port 0 --token "{2}"' -f $dll, (Resolve-Path -LiteralPath $Fixture).Path, $Token
    if ($NoPremium) {
        $start.Arguments += ' --no-premium'
    }
    $start.UseShellExecute = $false
    # The emulator runs until its standard input closes: give it a pipe of its own, closed by Stop-AadstsGraphEmulator.
    # Inherited, it would stop at once under a CI runner whose input is empty, and read the console's keys otherwise.
    $start.RedirectStandardInput = $true
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
                Token   = $Token
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
            # Closing its input stops it cleanly; killing is the fallback.
            try {
                $Emulator.Process.StandardInput.Close()
            }
            catch {
                # Already gone (a broken pipe): the wait below settles it.
            }
            if (-not $Emulator.Process.WaitForExit(10000)) {
                $Emulator.Process.Kill()
                $null = $Emulator.Process.WaitForExit(10000)
            }
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

function New-AadstsTestToken {
    <#
    .SYNOPSIS
    An unsigned JWT ('header.payload.') carrying the claims the module reads: tid, exp and appid, plus upn and scp for a
    delegated token or roles for an app-only one. The emulator compares tokens as strings; the module reads the claims
    for Get-AadstsGraphContext and to refuse, before calling Graph, what the token does not permit.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Delegated')]
    param(
        # Delegated permissions (scp); by default every one the module uses.
        [Parameter(ParameterSetName = 'Delegated')]
        [string[]] $Scope = $script:ModuleScopes,

        [Parameter(ParameterSetName = 'Delegated')]
        [string] $Account = 'helpdesk.admin@contoso.com',

        # Application permissions (roles): makes an app-only token.
        [Parameter(Mandatory, ParameterSetName = 'AppOnly')]
        [string[]] $Role,

        [string] $TenantId = $script:TestTenantId,

        [string] $AppId = '0a1b2c3d-4e5f-4a6b-8c7d-0000000a11ce',

        # Negative for a token that has already expired.
        [int] $ExpiresInMinutes = 120
    )

    $claims = [ordered]@{
        tid   = $TenantId
        appid = $AppId
        exp   = [DateTimeOffset]::UtcNow.AddMinutes($ExpiresInMinutes).ToUnixTimeSeconds()
    }
    if ($PSCmdlet.ParameterSetName -eq 'AppOnly') {
        $claims.app_displayname = 'AadstsTools Pester'
        $claims.roles = [string[]]$Role
    }
    else {
        $claims.upn = $Account
        $claims.scp = $Scope -join ' '
    }

    (ConvertTo-AadstsBase64Url '{"alg":"none","typ":"JWT"}') + '.' + (ConvertTo-AadstsBase64Url (ConvertTo-Json -InputObject $claims -Compress -Depth 3)) + '.'
}

function ConvertTo-AadstsBase64Url {
    param([Parameter(Mandatory)] [string] $Text)

    [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Text)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
}

function Connect-AadstsTestGraph {
    <#
    .SYNOPSIS
    Points the module at an emulator ($env:AADSTS_GRAPH_BASE_URL) and connects with a token, by default the one the
    emulator accepts, as a runbook does with a token from Get-AzAccessToken. Returns the connection context.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [object] $Emulator,

        [string] $Token,

        [string] $Environment = 'Global'
    )

    if (-not $Token) {
        $Token = $Emulator.Token
    }
    $env:AADSTS_GRAPH_BASE_URL = $Emulator.BaseUrl
    Connect-AadstsGraph -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -Environment $Environment -ErrorAction Stop
}

function Start-AadstsTestEmulator {
    <#
    .SYNOPSIS
    The Graph emulator on the contoso fixture tenant (one user per situation), accepting -Token (by default a JWT
    granting every permission the module uses); with -Connect, the module is connected to it. Returns the emulator.
    #>
    [CmdletBinding()]
    param(
        [string] $Token = (New-AadstsTestToken),

        [switch] $NoPremium,

        [switch] $Connect
    )

    $emulator = Start-AadstsGraphEmulator -Fixture (Get-AadstsEmulatorFixture -Name contoso) -Token $Token -NoPremium:$NoPremium
    if ($Connect) {
        $null = Connect-AadstsTestGraph -Emulator $emulator
    }
    $emulator
}

function Stop-AadstsTestSession {
    <#
    .SYNOPSIS
    What a test file's AfterAll undoes: the module's connection, the emulator, the module.
    #>
    [CmdletBinding()]
    param([AllowNull()] [object] $Emulator)

    Disconnect-AadstsTestGraph
    $Emulator | Stop-AadstsGraphEmulator
    Get-Module AadstsTools -All | Remove-Module -Force
}

function Disconnect-AadstsTestGraph {
    <#
    .SYNOPSIS
    Ends the module's connection (it lives in the process, beyond Remove-Module) and the emulator override.
    #>
    [CmdletBinding()]
    param()

    if (Get-Command Disconnect-AadstsGraph -ErrorAction SilentlyContinue) {
        Disconnect-AadstsGraph
    }
    Remove-Item Env:\AADSTS_GRAPH_BASE_URL -ErrorAction SilentlyContinue
}

function Get-AadstsEmulatorUser {
    <#
    .SYNOPSIS
    A user as the emulator holds it, read straight from its Graph API (not through the module), to see what a command
    changed: last password change, pending forced change (Graph shows passwordProfile only then), sessions valid from.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [object] $Emulator,

        # UPN or object id.
        [Parameter(Mandatory)]
        [string] $User
    )

    $request = @{
        Uri     = $Emulator.BaseUrl + '/users/' + [uri]::EscapeDataString($User) +
            '?$select=id,userPrincipalName,lastPasswordChangeDateTime,passwordProfile,signInSessionsValidFromDateTime'
        Headers = @{ Authorization = 'Bearer ' + $Emulator.Token }
        Method  = 'Get'
    }
    if ((Get-Command Invoke-RestMethod).Parameters.ContainsKey('NoProxy')) {
        $request.NoProxy = $true
    }
    $json = Invoke-RestMethod @request
    $passwordProfile = Get-AadstsJsonValue $json 'passwordProfile'

    [pscustomobject]@{
        Id                                   = Get-AadstsJsonValue $json 'id'
        UserPrincipalName                    = Get-AadstsJsonValue $json 'userPrincipalName'
        LastPasswordChange                   = ConvertTo-AadstsTestTime (Get-AadstsJsonValue $json 'lastPasswordChangeDateTime')
        SignInSessionsValidFrom              = ConvertTo-AadstsTestTime (Get-AadstsJsonValue $json 'signInSessionsValidFromDateTime')
        ForceChangePasswordNextSignIn        = [bool](Get-AadstsJsonValue $passwordProfile 'forceChangePasswordNextSignIn')
        ForceChangePasswordNextSignInWithMfa = [bool](Get-AadstsJsonValue $passwordProfile 'forceChangePasswordNextSignInWithMfa')
    }
}

function Get-AadstsJsonValue {
    # A property of a ConvertFrom-Json object, or $null when the object or the property is missing (strict mode).
    param([object] $Object, [string] $Name)

    if ($null -eq $Object) {
        return $null
    }
    $property = $Object.PSObject.Properties[$Name]
    if ($property) {
        $property.Value
    }
}

function ConvertTo-AadstsTestTime {
    # Graph's ISO 8601 times as DateTimeOffset: PowerShell 7's ConvertFrom-Json makes them DateTime, 5.1's leaves strings.
    param([object] $Value)

    if ($Value -is [datetime]) {
        return [DateTimeOffset]::new($Value.ToUniversalTime())
    }
    if ([string]::IsNullOrEmpty([string]$Value)) {
        return $null
    }
    [DateTimeOffset]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture)
}

function ConvertFrom-AadstsTestSecureString {
    # The plain text of a SecureString, for tests that check a password the module returned.
    param([Parameter(Mandatory)] [securestring] $SecureString)

    [pscredential]::new('user', $SecureString).GetNetworkCredential().Password
}

function New-AadstsMgUser {
    <#
    .SYNOPSIS
    An object shaped like Get-MgUser output (MicrosoftGraphUser): Id, UserPrincipalName, DisplayName.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [string] $UserPrincipalName,
        [string] $DisplayName
    )

    [pscustomobject]@{
        Id                = $Id
        UserPrincipalName = $UserPrincipalName
        DisplayName       = $DisplayName
    }
}

function Get-AadstsUndocumentedParameter {
    <#
    .SYNOPSIS
    The parameters of a command (common ones aside) that its help does not describe; nothing when all are.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Name)

    $help = Get-Help $Name -Full
    foreach ($parameter in (Get-Command $Name).Parameters.Keys) {
        if ($parameter -in [System.Management.Automation.PSCmdlet]::CommonParameters -or $parameter -in [System.Management.Automation.PSCmdlet]::OptionalCommonParameters) {
            continue
        }
        $entry = @($help.Parameters.Parameter) | Where-Object { $_.Name -eq $parameter } | Select-Object -First 1
        if (-not $entry -or -not ($entry.Description | Out-String).Trim()) {
            $parameter
        }
    }
}

function Format-AadstsErrorRecord {
    <#
    .SYNOPSIS
    Each error record as "ErrorId Category on 'Target'" (ResetFailed ObjectNotFound on 'ghost@contoso.com'), so that a
    test compares every error of a run, and how many there were, in one assertion.
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [System.Management.Automation.ErrorRecord] $ErrorRecord
    )

    process {
        "{0} {1} on '{2}'" -f ($ErrorRecord.FullyQualifiedErrorId -replace ',.*$', ''), $ErrorRecord.CategoryInfo.Category, $ErrorRecord.TargetObject
    }
}

function Get-AadstsParameterBinding {
    <#
    .SYNOPSIS
    How a parameter binds in a parameter set, as text: 'Mandatory, Position 0, ByValue, ByPropertyName' (the parts that
    apply). Parameters declared without a set are in '__AllParameterSets'.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Parameter,
        [string] $ParameterSet = '__AllParameterSets'
    )

    $sets = (Get-Command $Name).Parameters[$Parameter].ParameterSets
    if (-not $sets.ContainsKey($ParameterSet)) {
        throw "-$Parameter of $Name is not declared for the parameter set '$ParameterSet' (it is for: $($sets.Keys -join ', '))."
    }
    $binding = $sets[$ParameterSet]
    $parts = @()
    if ($binding.IsMandatory) {
        $parts += 'Mandatory'
    }
    if ($binding.Position -ge 0) {
        $parts += "Position $($binding.Position)"
    }
    if ($binding.ValueFromPipeline) {
        $parts += 'ByValue'
    }
    if ($binding.ValueFromPipelineByPropertyName) {
        $parts += 'ByPropertyName'
    }
    $parts -join ', '
}

function Get-AadstsExampleCode {
    <#
    .SYNOPSIS
    The code of every example in a command's help, as one text.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Name)

    (Get-Help $Name -Examples).Examples.Example | ForEach-Object { $_.Code } | Out-String
}

function New-AadstsUserCsv {
    <#
    .SYNOPSIS
    Writes a CSV with a UserPrincipalName column (and a Ticket column), one row per value (empty ones included), as
    a helpdesk export read with Import-Csv; returns its path.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [AllowEmptyString()] [string[]] $UserPrincipalName
    )

    $number = 0
    $rows = foreach ($user in $UserPrincipalName) {
        $number++
        '{0},INC{1:000}' -f $user, $number
    }
    Set-Content -LiteralPath $Path -Value (@('UserPrincipalName,Ticket') + $rows)
    $Path
}

Export-ModuleMember -Function Get-AadstsTestModuleFolder, Import-AadstsTestModule, Get-AadstsGraphEmulatorPath, Start-AadstsGraphEmulator,
    Stop-AadstsGraphEmulator, Get-AadstsEmulatorFixture, New-AadstsSignInRecord, New-AadstsPortalExport, New-AadstsTestToken,
    Connect-AadstsTestGraph, Disconnect-AadstsTestGraph, Start-AadstsTestEmulator, Stop-AadstsTestSession, Get-AadstsEmulatorUser,
    ConvertFrom-AadstsTestSecureString, New-AadstsMgUser, New-AadstsUserCsv, Format-AadstsErrorRecord, Get-AadstsParameterBinding,
    Get-AadstsExampleCode, Get-AadstsUndocumentedParameter

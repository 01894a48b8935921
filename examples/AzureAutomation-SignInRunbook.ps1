<#
.SYNOPSIS
Azure Automation runbook: a bulk sign-in readiness report, or a bulk password reset with a journal, signed in
with the Automation account's managed identity.

.DESCRIPTION
Runs on the PowerShell 7.x or 5.1 runtime of an Azure Automation account that has imported AadstsTools
(and Az.Accounts and Az.Storage when the users' list or the results live in a storage account).

  -Mode ReadinessReport   checks every listed user with Test-UserSignInReadiness and writes a CSV report.
  -Mode BulkReset         resets the listed users' passwords with Reset-AadUserPassword, keeping a journal
                          so that a failed or stopped job can be run again without resetting anyone twice
                          and without skipping anyone.

The users come from a CSV file with a UserPrincipalName column, read from a blob in a storage account
(-InputSource StorageBlob) or from an Automation variable holding the same CSV text, or one user principal
name per line (-InputSource AutomationVariable).

Before the first run:
  1. Turn on the Automation account's system-assigned managed identity (or assign a user-assigned one and
     pass its client ID as -ManagedIdentityClientId).
  2. Grant its service principal the Microsoft Graph application permissions the mode needs (see
     Get-Help about_AadstsTools, "Permissions and roles"): for ReadinessReport, reading users and domains,
     and AuditLog.Read.All for the registration and sign-in checks; for BulkReset,
     User-PasswordProfile.ReadWrite.All, and the directory role User Administrator.
  3. For a storage account, give the identity 'Storage Blob Data Contributor' on the container.
  4. For BulkReset with generated passwords, give -PasswordVaultName a Key Vault where the identity may set
     secrets ('Key Vault Secrets Officer'): each new password is stored there as a secret, never in the
     job's output, the report or the journal.

THE JOURNAL. Reset-AadUserPassword -JournalPath writes one line per user per state change (intended, done,
failed), never the password, before it moves on. The Automation sandbox's disk does not outlive the job, so
this runbook resets the users in small sets and copies the journal to the storage account after each set.
A job stopped in the middle of a set can lose that set's last lines; run the job again and those users are
reported with an unknown outcome rather than reset blindly. Pass -ResetUnknownOutcome to reset them once
you have checked them. For very large runs, a Hybrid Runbook Worker with a local disk keeps the journal on
that disk.

The cmdlet parameters and result properties used here are those of AadstsTools' Graph cmdlets as merged on
main (Connect-AadstsGraph -Identity, Test-UserSignInReadiness, Reset-AadUserPassword -JournalPath
-ResetUnknown); Get-Help <command> -Full describes them.

.EXAMPLE
Start-AzAutomationRunbook -AutomationAccountName aa-identity -ResourceGroupName rg-identity -Name AadstsSignIn -Parameters @{
    Mode = 'ReadinessReport'; InputSource = 'StorageBlob'; StorageAccountName = 'stidentityops'; InputBlobName = 'migration-wave-3.csv' }

.EXAMPLE
Start-AzAutomationRunbook -AutomationAccountName aa-identity -ResourceGroupName rg-identity -Name AadstsSignIn -Parameters @{
    Mode = 'BulkReset'; InputSource = 'AutomationVariable'; AutomationVariableName = 'ExpiredPasswords'
    StorageAccountName = 'stidentityops'; PasswordVaultName = 'kv-helpdesk'; RevokeSessions = $true }
#>
param(
    [Parameter(Mandatory)]
    [ValidateSet('ReadinessReport', 'BulkReset')]
    [string] $Mode,

    [ValidateSet('StorageBlob', 'AutomationVariable')]
    [string] $InputSource = 'StorageBlob',

    # The client ID of a user-assigned managed identity; empty for the system-assigned one.
    [string] $ManagedIdentityClientId,

    # Where the input (StorageBlob), the report and the journal live.
    [string] $StorageAccountName,
    [string] $ContainerName = 'aadsts',
    [string] $InputBlobName = 'users.csv',

    [string] $AutomationVariableName = 'AadstsUsers',

    # ReadinessReport: the sign-in window of the recent-failures check.
    [ValidateRange(1, 30)]
    [int] $Days = 7,

    # BulkReset
    [string] $PasswordVaultName,
    [switch] $RevokeSessions,
    [switch] $ResetUnknownOutcome,
    [ValidateRange(1, 500)]
    [int] $SetSize = 20
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$runStamp = (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss')
$work = Join-Path ([System.IO.Path]::GetTempPath()) "aadsts-$runStamp"
$null = New-Item -ItemType Directory -Path $work -Force

function Connect-Storage {
    if (-not $StorageAccountName) {
        throw '-StorageAccountName is required for the input blob, the report and the journal.'
    }
    if ($ManagedIdentityClientId) {
        $null = Connect-AzAccount -Identity -AccountId $ManagedIdentityClientId
    }
    else {
        $null = Connect-AzAccount -Identity
    }
    New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
}

function Get-Blob([object] $Context, [string] $Name, [string] $Destination, [switch] $Optional) {
    $blob = Get-AzStorageBlob -Context $Context -Container $ContainerName -Blob $Name -ErrorAction SilentlyContinue
    if (-not $blob) {
        if ($Optional) { return $false }
        throw "Blob '$Name' not found in container '$ContainerName' of storage account '$StorageAccountName'."
    }
    $null = Get-AzStorageBlobContent -Context $Context -Container $ContainerName -Blob $Name -Destination $Destination -Force
    return $true
}

function Save-Blob([object] $Context, [string] $Path, [string] $Name) {
    $null = Set-AzStorageBlobContent -Context $Context -Container $ContainerName -File $Path -Blob $Name -Force
}

function Read-UserList([object] $Context) {
    # One row per user with a UserPrincipalName property, as Import-Csv gives it; the cmdlets bind it by name.
    if ($InputSource -eq 'StorageBlob') {
        $local = Join-Path $work 'input.csv'
        $null = Get-Blob $Context $InputBlobName $local
        $rows = @(Import-Csv -LiteralPath $local)
    }
    else {
        $text = [string](Get-AutomationVariable -Name $AutomationVariableName)
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        if ($lines.Count -gt 0 -and $lines[0] -match 'UserPrincipalName') {
            $rows = @($lines | ConvertFrom-Csv)
        }
        else {
            $rows = @($lines | ForEach-Object { [pscustomobject]@{ UserPrincipalName = $_.Trim() } })
        }
    }

    if ($rows.Count -eq 0) {
        throw 'The list of users is empty.'
    }
    if (-not ($rows[0].PSObject.Properties.Name -contains 'UserPrincipalName')) {
        throw "The list of users has no UserPrincipalName column; it has: $($rows[0].PSObject.Properties.Name -join ', ')."
    }
    $rows
}

function Split-IntoSets([object[]] $Items, [int] $Size) {
    for ($i = 0; $i -lt $Items.Count; $i += $Size) {
        , @($Items[$i..([math]::Min($i + $Size, $Items.Count) - 1)])
    }
}

Import-Module AadstsTools

# The managed identity: system-assigned, or user-assigned by its client ID. It never prompts.
if ($ManagedIdentityClientId) {
    Connect-AadstsGraph -Identity -ClientId $ManagedIdentityClientId
}
else {
    Connect-AadstsGraph -Identity
}
Get-AadstsGraphContext | Format-List | Out-String | Write-Output

$storage = $null
if ($StorageAccountName -or $InputSource -eq 'StorageBlob') {
    $storage = Connect-Storage
}
$users = @(Read-UserList $storage)
Write-Output "Read $($users.Count) users from $InputSource."

switch ($Mode) {
    'ReadinessReport' {
        $reportPath = Join-Path $work "readiness-$runStamp.csv"
        # One result per user, even for an unknown or malformed one; results stream out set by set.
        # Each result (AadstsTools.SignInReadiness) has the verdict, the checks (Check, Status, Detail, Remedy,
        # RemedyCommand) and the AADSTS codes the user would meet.
        $users | Test-UserSignInReadiness -Days $Days -ErrorAction Continue |
            ForEach-Object {
                $failing = @($_.Checks | Where-Object { [string]$_.Status -in 'Fail', 'Warning', 'Error' })
                [pscustomobject]@{
                    UserPrincipalName = $_.UserPrincipalName
                    Input             = $_.Input
                    Verdict           = $_.Verdict
                    PredictedCodes    = ($_.PredictedCodes | ForEach-Object { "AADSTS$_" }) -join ' '
                    Problems          = ($failing | ForEach-Object { "$($_.Check): $($_.Detail)" }) -join ' | '
                    Fixes             = ($failing | Where-Object { $_.RemedyCommand } | ForEach-Object { $_.RemedyCommand }) -join ' | '
                }
            } |
            Export-Csv -LiteralPath $reportPath -NoTypeInformation -Encoding utf8

        $summary = Import-Csv -LiteralPath $reportPath | Group-Object Verdict | Sort-Object Count -Descending
        $summary | ForEach-Object { Write-Output ("{0,-8} {1}" -f $_.Count, $_.Name) }
        if ($storage) {
            Save-Blob $storage $reportPath "reports/readiness-$runStamp.csv"
            Write-Output "Report: $ContainerName/reports/readiness-$runStamp.csv"
        }
    }

    'BulkReset' {
        if (-not $storage) {
            throw 'BulkReset keeps its journal in the storage account: give -StorageAccountName.'
        }
        if (-not $PasswordVaultName) {
            throw 'BulkReset generates new passwords: give -PasswordVaultName, the Key Vault that receives them.'
        }

        # The journal is named after the input, so a second run of the same list resumes the first one.
        $inputName = if ($InputSource -eq 'StorageBlob') { $InputBlobName } else { "variable-$AutomationVariableName" }
        $journalBlob = "journals/$([System.IO.Path]::GetFileNameWithoutExtension($inputName)).journal"
        $journal = Join-Path $work 'reset.journal'
        if (Get-Blob $storage $journalBlob $journal -Optional) {
            Write-Output "Resuming with the journal $ContainerName/$journalBlob."
        }

        $resultsPath = Join-Path $work "reset-$runStamp.csv"
        $counts = @{}
        foreach ($set in Split-IntoSets $users $SetSize) {
            # -ResetUnknown resets again the users whose outcome the journal could not tell ("only when asked").
            # -Confirm:$false because a runbook cannot answer a prompt.
            $reset = @{
                JournalPath              = $journal
                AvoidAmbiguousCharacters = $true
                RevokeSessions           = [bool]$RevokeSessions
                Confirm                  = $false
                ErrorAction              = 'Continue'
            }
            if ($ResetUnknownOutcome) {
                $reset.ResetUnknown = $true
            }

            # Each result (AadstsTools.PasswordResetResult): UserPrincipalName, Status (Reset, WhatIf, Skipped,
            # Failed), Password (SecureString), SessionsRevoked, RequestId, ErrorKind, Message, Timestamp.
            $set | Reset-AadUserPassword @reset | ForEach-Object {
                if ([string]$_.Status -eq 'Reset' -and $_.Password) {
                    # Key Vault secret names allow letters, digits and dashes only.
                    $secretName = 'aadsts-reset-' + ($_.UserPrincipalName -replace '[^A-Za-z0-9]', '-')
                    $null = Set-AzKeyVaultSecret -VaultName $PasswordVaultName -Name $secretName -SecretValue $_.Password `
                        -ContentType 'temporary password; change required at next sign-in' -Expires (Get-Date).AddDays(7)
                }
                $counts[[string]$_.Status] = 1 + [int]$counts[[string]$_.Status]
                $_ | Select-Object UserPrincipalName, Input, Status, SessionsRevoked, RequestId, ErrorKind, Message, Timestamp
            } | Export-Csv -LiteralPath $resultsPath -NoTypeInformation -Encoding utf8 -Append

            # Copy the journal out of the sandbox after every set: it is what a re-run resumes from.
            Save-Blob $storage $journal $journalBlob
        }

        Save-Blob $storage $resultsPath "reports/reset-$runStamp.csv"
        $counts.GetEnumerator() | Sort-Object Name | ForEach-Object { Write-Output ("{0,-8} {1}" -f $_.Value, $_.Name) }
        Write-Output "Results: $ContainerName/reports/reset-$runStamp.csv; journal: $ContainerName/$journalBlob; passwords: Key Vault $PasswordVaultName."
    }
}

Disconnect-AadstsGraph

<?php
// The quickstart's five steps with the client openapi-generator's `php` generator makes from
// openapi.yaml (namespace Projekt, in build/polyglot/openapi-generator-php/), with Debian's
// Guzzle (php-guzzlehttp-guzzle) where Composer would put it. Written as its users write: the
// token and X-Org-Id set once on the Configuration (setAccessToken for bearerAuth, setApiKey
// for the orgId scheme); enum values as plain strings. Prints the steps it passed as JSON.
declare(strict_types=1);

require_once 'GuzzleHttp/autoload.php';
spl_autoload_register(function (string $class): void {
    $lib = __DIR__ . '/../../../build/polyglot/openapi-generator-php/lib/';
    if (str_starts_with($class, 'Projekt\\')) {
        require $lib . str_replace('\\', '/', substr($class, strlen('Projekt\\'))) . '.php';
    }
});

use Projekt\Api\IssuesApi;
use Projekt\Api\MeApi;
use Projekt\Configuration;
use Projekt\Model\IssueCreate;

$config = Configuration::getDefaultConfiguration()
    ->setHost(getenv('PROJEKT_BASE_URL') ?: 'https://projekt.3xa.es/api')
    ->setAccessToken(getenv('PROJEKT_API_KEY') ?: '')
    ->setApiKey('X-Org-Id', getenv('PROJEKT_ORG_ID') ?: '');
$me = new MeApi(null, $config);
$issues = new IssuesApi(null, $config);
$passed = [];

if ($me->getMe()->getEmail()) {
    $passed[] = 'me';
}
$orgs = $me->listMyOrgs()->getOrgs();
$projectId = $orgs ? ($orgs[0]->getProjects()[0] ?? null)?->getId() : null;
if ($projectId) {
    $passed[] = 'orgs';
    if (is_array($issues->listIssues($projectId))) {
        $passed[] = 'list';
    }
    $created = $issues->createIssue(new IssueCreate([
        'project_id' => $projectId,
        'title' => 'From openapi-generator php',
        'status' => 'Backlog',
        'priority' => 'medium',
    ]), bin2hex(random_bytes(16)));
    if ($created->getStatus() === 'Backlog') {
        $passed[] = 'create';
    }
    $got = $issues->getIssue($created->getId());
    if ($got->getTitle() === 'From openapi-generator php' && $got->getPriority() === 'medium') {
        $passed[] = 'get';
    }
}
echo json_encode($passed), "\n";
